import { BellOutlined, RightOutlined } from "@ant-design/icons";
import { isStaffRole, roleLabels } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Flex, Row, Typography } from "antd";
import { Suspense } from "react";
import { Link } from "react-router-dom";
import { PageLoading } from "../../../app/components/PageLoading";
import { menuRoutes } from "../../../app/routes";
import { webProgrammes } from "../../../programmes/registry";
import { useCan, useSession } from "../../../app/session";
import { inboxQueryKeys, listTodos } from "../../inbox/api";
import { TodoCounts } from "../../inbox/components/TodoCounts";
import { TodoList } from "../../inbox/components/TodoList";

const shownTodos = 8;

/** 工作台: who is signed in, then the open to-dos (counts and links to where the work is done), then quick links. */
export function HomePage() {
  const { user } = useSession();
  const can = useCan();
  const links = menuRoutes(can).filter((route) => route.path !== "/");
  const region = user.regionName ? ` · ${user.regionName}` : "";

  return (
    <>
      <Flex align="baseline" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          您好，{user.displayName}
        </Typography.Title>
        <Typography.Text type="secondary">
          {roleLabels[user.role]}
          {isStaffRole(user.role) || user.role === "enterprise" ? region : ""}
        </Typography.Text>
      </Flex>
      {/* What waits for the user first: a programme's own block for the role (an expert's tasks), then the to-dos. */}
      {webProgrammes
        .flatMap((p) => p.homeSections ?? [])
        .filter((section) => section.roles.includes(user.role))
        .map(({ key, Component }) => (
          <Suspense key={key} fallback={<PageLoading rows={4} />}>
            <Component />
          </Suspense>
        ))}
      {can("inbox.read") ? <MyTodos /> : null}
      <Typography.Title level={5}>常用功能</Typography.Title>
      {links.length === 0 ? (
        <Card>
          <Typography.Text type="secondary">您的账户暂未开通其他功能，如需使用请联系所属工会管理员。</Typography.Text>
        </Card>
      ) : (
        <Row gutter={[16, 16]}>
          {links.map((route) => (
            <Col key={route.path} xs={24} sm={12} lg={8}>
              <Link to={route.path} style={{ display: "block" }}>
                <Card hoverable styles={{ body: { padding: 20 } }}>
                  <Flex align="center" gap={16}>
                    <div style={{ fontSize: 28, color: "#c41d1d", flex: "none" }}>{route.menu?.icon}</div>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text strong style={{ fontSize: 16, display: "block" }}>
                        {route.title}
                      </Typography.Text>
                      <Typography.Text type="secondary">{route.menu?.summary}</Typography.Text>
                    </div>
                    <RightOutlined style={{ color: "rgba(0,0,0,0.25)" }} />
                  </Flex>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}

/** The first open to-dos, due first, each a link to its record; the full list is on /inbox. */
function MyTodos() {
  const query = { page: 1, pageSize: shownTodos };
  // Always fresh when 工作台 opens: the user may just have done the work a to-do asked for.
  const todos = useQuery({ queryKey: inboxQueryKeys.todos(query), queryFn: ({ signal }) => listTodos(query, signal), staleTime: 0 });
  const total = todos.data?.total ?? 0;
  return (
    <Card
      title={
        <Flex align="center" gap={8}>
          <BellOutlined />
          我的待办
          {todos.data ? <Typography.Text type="secondary" style={{ fontWeight: "normal" }}>共 {total} 项</Typography.Text> : null}
        </Flex>
      }
      extra={<Link to="/inbox">全部待办与消息</Link>}
      style={{ marginBottom: 24 }}
      styles={{ body: { padding: 0 } }}
    >
      {todos.data && total > 0 ? (
        <div style={{ padding: "12px 16px 0" }}>
          <TodoCounts counts={todos.data.counts} />
        </div>
      ) : null}
      {todos.isError ? (
        <Typography.Paragraph type="danger" style={{ padding: 16, margin: 0 }}>
          待办加载失败，请刷新页面重试。
        </Typography.Paragraph>
      ) : (
        <TodoList items={todos.data?.items ?? []} loading={todos.isPending} empty="暂无待办，事项都已处理" />
      )}
      {total > shownTodos ? (
        <div style={{ padding: "8px 16px 12px", textAlign: "right" }}>
          <Link to="/inbox">还有 {total - shownTodos} 项，查看全部</Link>
        </div>
      ) : null}
    </Card>
  );
}
