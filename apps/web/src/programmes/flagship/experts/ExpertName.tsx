import { Tag, Tooltip, Typography } from "antd";

/**
 * An expert as every flagship page shows one: the name and what tells namesakes apart (work unit ·
 * home county · skill level). The pool has 2×郭红英, 3×林雪梅, 3×葛文斌: a bare name is not an identity.
 */
export function ExpertName({ name, detail, block }: { name: string; detail: string | null | undefined; block?: boolean }) {
  return (
    <span style={{ display: block ? "block" : "inline" }}>
      {name}
      {detail ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4, overflowWrap: "anywhere" }}>
          {block ? <br /> : null}
          {detail}
        </Typography.Text>
      ) : null}
    </span>
  );
}

/** A team member's tag: the name, the detail on hover and under it on a phone-width wrap. */
export function ExpertTag({ name, detail, color, suffix }: { name: string; detail: string; color?: string; suffix?: string }) {
  return (
    <Tooltip title={detail}>
      <Tag color={color} style={{ marginBottom: 4, whiteSpace: "normal", maxWidth: "100%" }}>
        {name}
        {suffix ?? ""}
        <span style={{ opacity: 0.7, marginInlineStart: 4, fontSize: 12 }}>{detail}</span>
      </Tag>
    </Tooltip>
  );
}
