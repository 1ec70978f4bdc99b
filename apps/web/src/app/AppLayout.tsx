import { MenuOutlined } from "@ant-design/icons";
import { Button, Drawer, Layout, Typography } from "antd";
import { Suspense, useEffect, useState } from "react";
import { Outlet, useLocation } from "react-router-dom";
import { Brand } from "./components/Brand";
import { PageLoading } from "./components/PageLoading";
import { SideMenu } from "./components/SideMenu";
import { UserMenu } from "./components/UserMenu";
import { InboxBell } from "../modules/inbox/components/InboxBell";
import { findRoute } from "./routes";
import { useCan } from "./session";
import { useIsMobile } from "./useIsMobile";

const siderWidth = 220;
const dark = "#001529";

/** The signed-in shell: side menu (a drawer on phones), header with the user, and the page. */
export function AppLayout() {
  const isMobile = useIsMobile();
  const [drawerOpen, setDrawerOpen] = useState(false);
  const location = useLocation();
  const title = findRoute(location.pathname)?.title;
  const can = useCan();

  useEffect(() => {
    document.title = title ? `${title} - 匠心` : "浙江省总工会 · 匠心";
  }, [title]);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {isMobile ? (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={260}
          closable={false}
          styles={{ body: { padding: 0, background: dark }, header: { display: "none" } }}
        >
          <div style={{ padding: "16px 20px" }}>
            <Brand />
          </div>
          <SideMenu onNavigate={() => setDrawerOpen(false)} />
        </Drawer>
      ) : (
        <Layout.Sider width={siderWidth} style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}>
          <div style={{ padding: "16px 20px" }}>
            <Brand />
          </div>
          <SideMenu />
        </Layout.Sider>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header
          style={{
            background: "#fff",
            padding: isMobile ? "0 8px 0 4px" : "0 24px",
            display: "flex",
            alignItems: "center",
            gap: 8,
            borderBottom: "1px solid #f0f0f0",
            position: "sticky",
            top: 0,
            zIndex: 10,
            height: 56,
            lineHeight: "56px",
          }}
        >
          {isMobile ? (
            <>
              <Button type="text" aria-label="打开菜单" icon={<MenuOutlined />} onClick={() => setDrawerOpen(true)} />
              {/* The side menu is folded away on a phone, so the header says where the user is. */}
              <Typography.Text strong ellipsis style={{ fontSize: 16 }}>
                {title ?? "匠心"}
              </Typography.Text>
            </>
          ) : (
            <Typography.Text type="secondary">浙江省总工会 · 匠心</Typography.Text>
          )}
          <div style={{ flex: 1 }} />
          {can("inbox.read") ? <InboxBell /> : null}
          <UserMenu compact={isMobile} />
        </Layout.Header>
        <Layout.Content style={{ padding: isMobile ? 12 : 24, minWidth: 0 }}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: "center", padding: "12px 16px", color: "rgba(0,0,0,0.45)", fontSize: 12 }}>
          匠心 · 浙江省总工会
        </Layout.Footer>
      </Layout>
    </Layout>
  );
}
