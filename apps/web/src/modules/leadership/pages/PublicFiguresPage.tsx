import { useQuery } from "@tanstack/react-query";
import { Card, Col, Empty, Flex, Progress, Row, Select, Skeleton, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { PublicLayout } from "../../public/components/PublicLayout";
import { getPublicDashboard, leadershipKeys } from "../api";
import { DefinitionPopover } from "../components/DefinitionPopover";
import { formatFigure, formatShare } from "../figureText";
import { chinaYear } from "../years";

/** 数据公开: the province-wide figures the province chose to publish, against their targets; no login. */
export function PublicFiguresPage() {
  const [params, setParams] = useSearchParams();
  const thisYear = chinaYear();
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 2015 && asked <= thisYear ? asked : thisYear;
  const query = useQuery({ queryKey: leadershipKeys.publicFigures(year), queryFn: ({ signal }) => getPublicDashboard(year, signal) });
  const d = query.data;
  return (
    <PublicLayout>
      <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 12 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {year}年工作进展
          </Typography.Title>
          {d ? (
            <Typography.Text type="secondary">
              全省 · 截至{d.asOf} · 时间进度 {formatShare(d.yearElapsed)} · 数据计算于 {new Date(d.computedAt).toLocaleString("zh-CN", { hour12: false })}
            </Typography.Text>
          ) : null}
        </div>
        <Select
          aria-label="年度"
          value={year}
          style={{ width: 110 }}
          onChange={(y) => setParams({ year: String(y) })}
          options={Array.from({ length: thisYear - 2015 + 1 }, (_, i) => thisYear - i).map((y) => ({ value: y, label: `${y}年` }))}
        />
      </Flex>
      {query.isError ? <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} /> : null}
      {query.isPending ? <Skeleton active /> : null}
      {d && d.figures.length === 0 ? (
        <Card>
          <Empty description={`${year}年暂无公开的指标`} />
        </Card>
      ) : null}
      <Row gutter={[12, 12]}>
        {d?.figures.map((f) => (
          <Col key={f.key} xs={24} sm={12} xl={8}>
            <Card style={{ height: "100%" }} styles={{ body: { padding: "14px 16px" } }}>
              <Flex justify="space-between" align="flex-start">
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.programmeName}
                  </Typography.Text>
                  <div>
                    <Typography.Text strong>{f.label}</Typography.Text>
                  </div>
                </div>
                <DefinitionPopover title={f.label} definition={f.definition} />
              </Flex>
              <div style={{ fontSize: 26, fontWeight: 600, margin: "6px 0 2px" }}>{formatFigure(f.value, f.unit)}</div>
              {f.target !== null && f.share !== null ? (
                <>
                  <Typography.Text type="secondary">
                    年度目标 {formatFigure(f.target, f.unit)} · 完成 {formatShare(f.share)}
                  </Typography.Text>
                  <Progress percent={Math.min(100, Math.round(f.share * 1000) / 10)} showInfo={false} aria-label={`${f.label}完成${formatShare(f.share)}`} />
                </>
              ) : (
                <Typography.Text type="secondary">未设年度目标</Typography.Text>
              )}
            </Card>
          </Col>
        ))}
      </Row>
    </PublicLayout>
  );
}
