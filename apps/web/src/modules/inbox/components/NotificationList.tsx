import type { Notification } from "@jiangxin/domain";
import { Badge, Empty, Flex, List, Typography } from "antd";
import dayjs from "dayjs";

/** Notifications, newest first; unread ones carry a dot and bold titles. Opening one marks it read. */
export function NotificationList({ items, loading, onOpen }: { items: Notification[]; loading: boolean; onOpen: (n: Notification) => void }) {
  return (
    <List<Notification>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无消息" /> }}
      renderItem={(n) => (
        <List.Item style={{ padding: 0 }}>
          <button
            type="button"
            onClick={() => onOpen(n)}
            style={{ all: "unset", boxSizing: "border-box", cursor: "pointer", display: "block", width: "100%", padding: "12px 16px" }}
          >
            <Flex gap={10} align="start">
              <Badge status={n.read ? "default" : "error"} style={{ marginTop: 4 }} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong={!n.read}>{n.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, flex: "none" }}>
                    {dayjs(n.createdAt).format("MM-DD HH:mm")}
                  </Typography.Text>
                </Flex>
                <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                  {n.body}
                </Typography.Paragraph>
              </div>
            </Flex>
          </button>
        </List.Item>
      )}
    />
  );
}
