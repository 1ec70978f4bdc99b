import { RightOutlined } from "@ant-design/icons";
import type { Todo } from "@jiangxin/domain";
import { Empty, Flex, List, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { TodoKindTag } from "./TodoKindTag";

/** Open to-dos as rows that are links to where the work is done: kind, title, programme, due date. */
export function TodoList({ items, loading, empty = "暂无待办" }: { items: Todo[]; loading: boolean; empty?: string }) {
  return (
    <List<Todo>
      loading={loading}
      dataSource={items}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
      renderItem={(todo) => (
        <List.Item style={{ padding: 0 }}>
          <Link to={todo.link} style={{ display: "block", width: "100%", padding: "12px 16px", color: "inherit" }} aria-label={todo.title}>
            <Flex align="center" gap={12}>
              <TodoKindTag kind={todo.kind} />
              <div style={{ flex: 1, minWidth: 0 }}>
                <Typography.Text strong style={{ display: "block" }}>
                  {todo.title}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {todo.programmeName} · {dayjs(todo.raisedAt).format("MM-DD HH:mm")}
                  {todo.dueDate ? (
                    <Typography.Text type={todo.overdue ? "danger" : "secondary"} style={{ fontSize: 12 }}>
                      {" "}
                      · {todo.overdue ? "已超期" : "期限"} {todo.dueDate}
                    </Typography.Text>
                  ) : null}
                </Typography.Text>
              </div>
              <RightOutlined style={{ color: "rgba(0,0,0,0.25)", flex: "none" }} />
            </Flex>
          </Link>
        </List.Item>
      )}
    />
  );
}
