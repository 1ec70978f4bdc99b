import { membershipStatusLabels, type MembershipStatus } from "@jiangxin/domain";
import { Tag } from "antd";

const colors: Record<MembershipStatus, string> = {
  pending: "gold",
  active: "green",
  declined: "default",
  transferred: "blue",
  lapsed: "default",
  left: "default",
};

/** 会籍状态 as a tag: 在会 green, 待工会确认 gold, ended ones grey. */
export function MembershipStatusTag({ status }: { status: MembershipStatus | null | undefined }) {
  if (!status) return <Tag>未入会</Tag>;
  return <Tag color={colors[status]}>{membershipStatusLabels[status]}</Tag>;
}
