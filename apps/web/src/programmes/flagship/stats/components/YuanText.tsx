import { Tooltip } from "antd";
import { formatYuanExact } from "../../outcomes/yuan";
import { yuanText } from "../statsFigures";

/** An amount as the report writes it (1.2亿元), exact to the fen on hover. */
export function YuanText({ yuan }: { yuan: string }) {
  return (
    <Tooltip title={`${formatYuanExact(yuan)} 元`}>
      <span style={{ whiteSpace: "nowrap" }}>{yuanText(yuan)}</span>
    </Tooltip>
  );
}
