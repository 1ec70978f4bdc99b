import { DownOutlined, KeyOutlined, LogoutOutlined, SafetyOutlined, UserOutlined } from "@ant-design/icons";
import { isStaffRole, roleLabels } from "@jiangxin/domain";
import { Avatar, Dropdown, Flex, Typography, type MenuProps } from "antd";
import { useNavigate } from "react-router-dom";
import { useLogout } from "../../modules/auth/useLogout";
import { useSession } from "../session";

/** Who is signed in (name, role, region) and the account actions. */
export function UserMenu({ compact }: { compact: boolean }) {
  const { user } = useSession();
  const navigate = useNavigate();
  const logout = useLogout();
  const roleLabel = roleLabels[user.role];
  const regionName = isStaffRole(user.role) ? user.regionName : null;
  const subtitle = [roleLabel, regionName].filter(Boolean).join(" · ");

  const items: MenuProps["items"] = [
    // On a phone the header has room for the name only, so role and region move into the menu.
    ...(compact
      ? [
          { key: "who", label: subtitle, disabled: true },
          { type: "divider" as const },
        ]
      : []),
    { key: "password", icon: <KeyOutlined />, label: "修改密码" },
    { key: "totp", icon: <SafetyOutlined />, label: "动态验证码" },
    { key: "logout", icon: <LogoutOutlined />, label: "退出登录", danger: true },
  ];

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items,
        onClick: ({ key }) => {
          if (key === "password") void navigate("/password");
          if (key === "totp") void navigate("/account/totp");
          if (key === "logout") void logout();
        },
      }}
    >
      <Flex
        component="button"
        align="center"
        gap={8}
        aria-label="账户菜单"
        style={{ cursor: "pointer", background: "none", border: "none", padding: "0 4px", minWidth: 0, height: "100%" }}
      >
        <Avatar size="small" icon={<UserOutlined />} style={{ background: "#c41d1d", flex: "none" }} />
        <div style={{ textAlign: "left", lineHeight: 1.3, minWidth: 0 }}>
          <Typography.Text strong ellipsis style={{ display: "block", maxWidth: compact ? 120 : 220 }}>
            {user.displayName}
          </Typography.Text>
          {compact ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
              {subtitle}
            </Typography.Text>
          )}
        </div>
        <DownOutlined style={{ fontSize: 10, color: "rgba(0,0,0,0.45)" }} />
      </Flex>
    </Dropdown>
  );
}
