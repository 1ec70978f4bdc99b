import { correctionKindLabels } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { CorrectionTimeline } from "../../../../app/components/CorrectionTimeline";
import { correctionQueryKeys, listCorrections } from "../api";

const kindColors = { edit: "blue", void: "red", withdraw: "gray" } as const;

/** 更正记录: every edit, void and withdrawal of the record, oldest first, with what changed (before → after). Hidden while there is none. */
export function CorrectionHistory({ recordPath, style }: { recordPath: string; style?: React.CSSProperties }) {
  const history = useQuery({ queryKey: correctionQueryKeys.history(recordPath), queryFn: ({ signal }) => listCorrections(recordPath, signal) });
  return <CorrectionTimeline entries={history.data?.map((c) => ({ ...c, title: correctionKindLabels[c.kind], color: kindColors[c.kind] }))} style={style} />;
}
