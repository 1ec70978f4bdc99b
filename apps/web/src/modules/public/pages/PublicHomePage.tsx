import { RightOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Row, Skeleton, Tag, Typography } from "antd";
import { useEffect } from "react";
import { Link } from "react-router-dom";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { fetchPublicEntries } from "../../me/api";
import { PublicLayout } from "../components/PublicLayout";

/**
 * /public: what the programmes publish for everyone (no login) — for now the list of entries the
 * server gathers from the programmes and master data (/api/public/entries); later the station finder,
 * results, certificate checks and public indicators each add an entry and a page of their own.
 */
export function PublicHomePage() {
  const entries = useQuery({ queryKey: ["public", "entries"], queryFn: ({ signal }) => fetchPublicEntries(signal), staleTime: 5 * 60_000 });
  useEffect(() => {
    document.title = "公众服务 - 浙江省总工会 · 匠心";
  }, []);

  return (
    <PublicLayout title="公众服务">
      <Typography.Paragraph type="secondary">浙江省总工会各项工作向社会公开的信息与服务，无需登录即可查看。</Typography.Paragraph>
      {entries.isPending ? (
        <Skeleton active />
      ) : entries.isError ? (
        <QueryErrorResult error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <Empty description="暂无公开内容" />
      ) : (
        <Row gutter={[16, 16]}>
          {entries.data.items.map((e) => (
            <Col key={e.key} xs={24} md={12} lg={8}>
              <Link to={e.link}>
                <Card hoverable style={{ height: "100%" }} data-testid={`public-entry-${e.key}`}>
                  <Tag color="red" style={{ marginBottom: 8 }}>
                    {e.publisher}
                  </Tag>
                  <Typography.Title level={5} style={{ marginTop: 0 }}>
                    {e.title} <RightOutlined style={{ fontSize: 12 }} />
                  </Typography.Title>
                  <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
                    {e.summary}
                  </Typography.Paragraph>
                </Card>
              </Link>
            </Col>
          ))}
        </Row>
      )}
    </PublicLayout>
  );
}
