import { Flex, Typography } from "antd";

interface BrandProps {
  /** "dark" sits on the dark side menu, "light" on the login card. */
  tone?: "dark" | "light";
  size?: "small" | "large";
}

/** The 匠心 mark: a seal-like square with 匠, drawn in CSS so nothing is fetched at run time. */
export function Brand({ tone = "dark", size = "small" }: BrandProps) {
  const mark = size === "large" ? 48 : 32;
  return (
    <Flex align="center" gap={size === "large" ? 14 : 10}>
      <div
        aria-hidden
        style={{
          width: mark,
          height: mark,
          borderRadius: mark / 5,
          background: "#c41d1d",
          color: "#fff",
          display: "grid",
          placeItems: "center",
          fontSize: mark * 0.6,
          fontWeight: 700,
          flex: "none",
        }}
      >
        匠
      </div>
      <div style={{ lineHeight: 1.25, minWidth: 0 }}>
        <Typography.Text
          strong
          style={{ color: tone === "dark" ? "#fff" : undefined, fontSize: size === "large" ? 26 : 18, display: "block" }}
        >
          匠心
        </Typography.Text>
        <Typography.Text
          style={{
            color: tone === "dark" ? "rgba(255,255,255,0.65)" : undefined,
            fontSize: size === "large" ? 14 : 12,
            display: "block",
            whiteSpace: "nowrap",
          }}
          type={tone === "light" ? "secondary" : undefined}
        >
          浙江省总工会
        </Typography.Text>
      </div>
    </Flex>
  );
}
