import { resultStatusLabels, type ResultStatus } from "@jiangxin/domain";
import { Tag } from "antd";

const colours: Record<ResultStatus, string> = { draft: "default", verified: "blue", signed: "geekblue", published: "orange", final: "green" };

/** An event's result status as a coloured tag. */
export function ResultStatusTag({ status }: { status: ResultStatus }) {
  return <Tag color={colours[status]}>{resultStatusLabels[status]}</Tag>;
}
