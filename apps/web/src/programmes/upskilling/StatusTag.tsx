import { reviewStageLabels, type UpskillingApplication } from "@jiangxin/domain";
import { Tag } from "antd";

const colours: Record<UpskillingApplication["status"], string> = { pending: "processing", approved: "blue", rejected: "default", paid: "success", failed: "error" };

/** 待审核 (with the step it waits at), 已通过, 未通过, 已发放, 发放失败. */
export function StatusTag({ app, withStage = false }: { app: Pick<UpskillingApplication, "status" | "statusLabel" | "stage">; withStage?: boolean }) {
  return (
    <Tag color={colours[app.status]}>
      {app.statusLabel}
      {withStage && app.stage ? ` · ${reviewStageLabels[app.stage]}` : ""}
    </Tag>
  );
}
