import { Button, Flex, Layout, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { Brand } from "../../../app/components/Brand";
import { useSessionState } from "../../../app/session";

/**
 * 公众服务's frame: no login, no side menu; the federation's mark, a way back to the public home, and
 * the way in (登录 / 注册, or 进入工作台 when signed in already). Public pages of every programme use it.
 */
export function PublicLayout({ children, title }: { children: ReactNode; title?: string }) {
  const { session } = useSessionState();
  return (
    <Layout style={{ minHeight: "100vh", background: "#f5f5f5" }}>
      <Layout.Header style={{ background: "#fff", borderBottom: "3px solid #c41d1d", padding: "0 16px", height: "auto", lineHeight: "normal" }}>
        <Flex align="center" justify="space-between" gap={8} wrap style={{ maxWidth: 1100, margin: "0 auto", padding: "10px 0" }}>
          <Link to="/public" style={{ color: "inherit" }}>
            <Flex align="center" gap={8}>
              <Brand tone="light" />
              <Typography.Text type="secondary">公众服务</Typography.Text>
            </Flex>
          </Link>
          <Flex gap={8}>
            {session ? (
              <Link to="/">
                <Button type="primary">进入工作台</Button>
              </Link>
            ) : (
              <>
                <Link to="/login">
                  <Button>登录</Button>
                </Link>
                <Link to="/register">
                  <Button type="primary">职工注册</Button>
                </Link>
              </>
            )}
          </Flex>
        </Flex>
      </Layout.Header>
      <Layout.Content style={{ padding: 16 }}>
        <div style={{ maxWidth: 1100, margin: "0 auto" }}>
          {title ? (
            <Typography.Title level={3} style={{ marginTop: 8 }}>
              {title}
            </Typography.Title>
          ) : null}
          {children}
        </div>
      </Layout.Content>
      <Layout.Footer style={{ textAlign: "center", fontSize: 12, color: "#888" }}>浙江省总工会 · 匠心 — 公开信息无需登录</Layout.Footer>
    </Layout>
  );
}
