import type { Voided } from "@jiangxin/domain";
import { Alert } from "antd";
import dayjs from "dayjs";

/** A voided record says so first: it stays on record and counts in no figure. */
export function VoidedAlert({ voided, what }: { voided: Voided | null; what: string }) {
  if (!voided) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`该${what}已作废，不再计入任何统计`}
      description={`理由：${voided.reason}（${voided.byName}，${dayjs(voided.at).format("YYYY-MM-DD HH:mm")}）`}
    />
  );
}
