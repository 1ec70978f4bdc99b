import { useQuery } from "@tanstack/react-query";
import { CorrectionTimeline } from "../../../app/components/CorrectionTimeline";
import { listEnterpriseCorrections } from "../api";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

/** 更正记录 of an enterprise, oldest first: who, when, why, and each field before → after. Hidden while there is none. */
export function EnterpriseCorrections({ enterpriseId }: { enterpriseId: string }) {
  const history = useQuery({ queryKey: enterpriseQueryKeys.corrections(enterpriseId), queryFn: ({ signal }) => listEnterpriseCorrections(enterpriseId, signal) });
  return <CorrectionTimeline entries={history.data?.map((c) => ({ ...c, title: "更正", color: "blue" }))} style={{ marginTop: 16 }} />;
}
