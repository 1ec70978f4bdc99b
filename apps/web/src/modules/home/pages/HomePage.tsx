import { RightOutlined } from "@ant-design/icons";
import { isStaffRole, roleLabels } from "@jiangxin/domain";
import { Card, Col, Descriptions, Flex, Row, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { menuRoutes } from "../../../app/routes";
import { useCan, useSession } from "../../../app/session";

export function HomePage() {
  const { user, absoluteExpiresAt } = useSession();
  const can = useCan();
  const links = menuRoutes(can).filter((route) => route.path !== "/");

  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          您好，{user.displayName}
        </Typography.Title>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: "role", label: "身份", children: roleLabels[user.role] },
            ...(user.regionName
              ? [{ key: "region", label: isStaffRole(user.role) ? "所属辖区" : "所在地区", children: user.regionName }]
              : []),
            { key: "username", label: "用户名", children: user.username },
            { key: "expires", label: "本次登录有效至", children: dayjs(absoluteExpiresAt).format("YYYY-MM-DD HH:mm") },
          ]}
        />
      </Card>
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
      <Typography.Paragraph type="secondary" style={{ marginTop: 24, fontSize: 12 }}>
        劳模工匠助企行的需求清单、专家库、服务场次与统计等功能正在建设中。
      </Typography.Paragraph>
    </>
  );
}
