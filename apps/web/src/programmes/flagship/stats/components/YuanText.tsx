import { Tooltip } from "antd";
import { formatWan, formatYuanExact } from "../../../../app/yuan";

/** A table's money cell in 万元 with two decimals (the header says 万元), exact to the fen on hover. */
export function YuanText({ yuan }: { yuan: string }) {
  return (
    <Tooltip title={`${formatYuanExact(yuan)} 元`}>
      <span style={{ whiteSpace: "nowrap" }}>{formatWan(yuan)}</span>
    </Tooltip>
  );
}
