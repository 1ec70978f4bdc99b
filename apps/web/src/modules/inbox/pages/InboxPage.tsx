import type { Notification, TodoKind } from "@jiangxin/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Card, Flex, Pagination, Tabs } from "antd";
import { useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { inboxQueryKeys, listNotifications, listTodos, markNotificationsRead } from "../api";
import { NotificationList } from "../components/NotificationList";
import { TodoCounts } from "../components/TodoCounts";
import { TodoList } from "../components/TodoList";

const pageSize = 20;

/** 待办与消息: the reader's open to-dos (by kind) and notifications; the tab is in the address. */
export function InboxPage() {
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") === "messages" ? "messages" : "todos";
  return (
    <>
      <PageHeader title="待办与消息" description="需要您处理的事项，以及发给您的通知。事项办完后自动从待办中移除。" />
      <Card styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams(key === "messages" ? { tab: "messages" } : {}, { replace: true })}
          items={[
            { key: "todos", label: "待办", children: <TodosTab /> },
            { key: "messages", label: <MessagesLabel />, children: <MessagesTab /> },
          ]}
        />
      </Card>
    </>
  );
}

function TodosTab() {
  const [kind, setKind] = useState<TodoKind | undefined>();
  const [page, setPage] = useState(1);
  const query = { kind, page, pageSize };
  const todos = useQuery({ queryKey: inboxQueryKeys.todos(query), queryFn: ({ signal }) => listTodos(query, signal), placeholderData: keepPreviousData });
  if (todos.isError && !todos.data) return <QueryErrorResult error={todos.error} onRetry={() => void todos.refetch()} />;
  return (
    <Flex vertical gap={12}>
      {todos.data ? (
        <TodoCounts
          counts={todos.data.counts}
          selected={kind}
          onSelect={(k) => {
            setKind(k);
            setPage(1);
          }}
        />
      ) : null}
      <TodoList items={todos.data?.items ?? []} loading={todos.isFetching} empty={kind ? "没有这一类待办" : "暂无待办，事项都已处理"} />
      {(todos.data?.total ?? 0) > pageSize ? (
        <Pagination align="end" current={page} pageSize={pageSize} total={todos.data?.total ?? 0} onChange={setPage} showSizeChanger={false} simple />
      ) : null}
    </Flex>
  );
}

function MessagesLabel() {
  const unread = useQuery({ queryKey: inboxQueryKeys.notifications({ unread: true, pageSize: 1 }), queryFn: ({ signal }) => listNotifications({ unread: true, pageSize: 1 }, signal) });
  return (
    <Flex align="center" gap={6}>
      消息
      <Badge count={unread.data?.unread ?? 0} size="small" />
    </Flex>
  );
}

function MessagesTab() {
  const [page, setPage] = useState(1);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const query = { page, pageSize };
  const list = useQuery({ queryKey: inboxQueryKeys.notifications(query), queryFn: ({ signal }) => listNotifications(query, signal), placeholderData: keepPreviousData });
  const mark = useMutation({
    mutationFn: markNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxQueryKeys.all }),
    onError: () => void message.error("标记已读失败，请稍后重试"),
  });
  const open = (n: Notification) => {
    if (!n.read) mark.mutate({ ids: [n.id] });
    if (n.link) void navigate(n.link);
  };
  if (list.isError && !list.data) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  const unread = list.data?.unread ?? 0;
  return (
    <Flex vertical gap={12}>
      <Flex justify="end">
        <Button size="small" disabled={unread === 0} loading={mark.isPending} onClick={() => mark.mutate({ all: true })}>
          全部标为已读
        </Button>
      </Flex>
      <NotificationList items={list.data?.items ?? []} loading={list.isFetching} onOpen={open} />
      {(list.data?.total ?? 0) > pageSize ? (
        <Pagination align="end" current={page} pageSize={pageSize} total={list.data?.total ?? 0} onChange={setPage} showSizeChanger={false} simple />
      ) : null}
    </Flex>
  );
}
