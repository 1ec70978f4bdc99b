import { BellOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Badge, Button, Tooltip } from "antd";
import { useEffect } from "react";
import { useLocation, useNavigate } from "react-router-dom";
import { getInboxSummary, inboxQueryKeys } from "../api";

/**
 * The header's bell: open to-dos plus unread notifications. Refreshed on every page change (the
 * work just done may have closed a to-do), on focus, and each minute.
 */
export function InboxBell() {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const summary = useQuery({ queryKey: inboxQueryKeys.summary(), queryFn: ({ signal }) => getInboxSummary(signal), refetchInterval: 60_000 });
  const { refetch } = summary;
  useEffect(() => {
    void refetch();
  }, [pathname, refetch]);
  const s = summary.data;
  const count = s ? s.todos + s.unreadNotifications : 0;
  const label = s ? `待办 ${s.todos} 项，未读消息 ${s.unreadNotifications} 条` : "待办与消息";
  return (
    <Tooltip title={label}>
      <Button type="text" aria-label={label} onClick={() => void navigate("/inbox")} style={{ height: 40, width: 40, padding: 0 }}>
        <Badge count={count} size="small" overflowCount={99} color={s && s.overdueTodos > 0 ? "#c41d1d" : "#fa8c16"}>
          <BellOutlined style={{ fontSize: 18 }} />
        </Badge>
      </Button>
    </Tooltip>
  );
}
