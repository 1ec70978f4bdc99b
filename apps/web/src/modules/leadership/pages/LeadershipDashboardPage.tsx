import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Alert, Card, Col, Flex, Row, Select, Skeleton, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { getDashboard, leadershipKeys, setPublished } from "../api";
import { BreakdownDrawer } from "../components/BreakdownDrawer";
import { FigureCard } from "../components/FigureCard";
import { formatShare } from "../figureText";
import { chinaYear, yearOptions } from "../years";

/**
 * 驾驶舱: every programme's figures in the reader's region against the approved annual targets,
 * 民生实事 style — value, target, share done beside the share of the year gone, a status, the
 * regions behind named, each figure's definition and its records one click away.
 */
export function LeadershipDashboardPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const thisYear = chinaYear();
  const asked = Number(params.get("year"));
  const year = Number.isInteger(asked) && asked >= 2015 && asked <= thisYear + 1 ? asked : thisYear;
  const [open, setOpen] = useState<{ key: string; label: string; recordsPath: string | null } | null>(null);
  const query = useQuery({ queryKey: leadershipKeys.dashboard(year), queryFn: ({ signal }) => getDashboard(year, signal) });
  const publish = useMutation({
    mutationFn: setPublished,
    onSuccess: (_r, v) => {
      void message.success(v.published ? "已公开，公众数据页即可看到" : "已撤下");
      void queryClient.invalidateQueries({ queryKey: leadershipKeys.dashboard(year) });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });
  const d = query.data;
  const canPublish = can("target.approve");

  return (
    <>
      <PageHeader
        title="驾驶舱"
        description={d ? `${d.region.name} · ${year}年 · 截至${d.asOf} · 时间进度 ${formatShare(d.yearElapsed)}` : `${year}年`}
        extra={
          <>
            {can("target.read") ? <Link to={`/targets?year=${year}`}>年度目标</Link> : null}
            <Select
              aria-label="年度"
              value={year}
              style={{ width: 110 }}
              onChange={(y) => setParams((p) => {
                const next = new URLSearchParams(p);
                next.set("year", String(y));
                return next;
              })}
              options={yearOptions(thisYear)}
            />
          </>
        }
      />
      {query.isError ? <QueryErrorResult error={query.error} onRetry={() => void query.refetch()} title="驾驶舱加载失败" /> : null}
      {query.isPending ? (
        <Row gutter={[12, 12]}>
          {[0, 1, 2].map((i) => (
            <Col key={i} xs={24} md={12} xl={8}>
              <Card>
                <Skeleton active paragraph={{ rows: 3 }} />
              </Card>
            </Col>
          ))}
        </Row>
      ) : null}
      {d ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            message={
              <span>
                对照已批准的年度目标。滞后：完成率低于应达进度(时间进度，设了季度节点的按节点)10个百分点以上；超前：高出10个百分点以上或已完成。数据计算于{" "}
                {new Date(d.computedAt).toLocaleString("zh-CN", { hour12: false })}，每分钟至多重算一次。
              </span>
            }
          />
          {d.programmes.map((p) => (
            <section key={p.id} style={{ marginBottom: 24 }}>
              <Flex justify="space-between" align="baseline" gap={8} wrap style={{ marginBottom: 12 }}>
                <Typography.Title level={5} style={{ margin: 0 }}>
                  {p.name}
                </Typography.Title>
              </Flex>
              <Row gutter={[12, 12]}>
                {p.figures.map((f) => (
                  <Col key={f.key} xs={24} md={12} xl={8}>
                    <FigureCard
                      figure={f}
                      regionCode={d.region.code}
                      onBreakdown={() => setOpen({ key: f.key, label: f.label, recordsPath: f.recordsPath })}
                      publish={
                        canPublish
                          ? { pending: publish.isPending && publish.variables.indicatorKey === f.key, onChange: (published) => publish.mutate({ indicatorKey: f.key, year, published }) }
                          : undefined
                      }
                    />
                  </Col>
                ))}
              </Row>
            </section>
          ))}
          <BreakdownDrawer figure={open} year={year} rootCode={d.region.code} onClose={() => setOpen(null)} />
        </>
      ) : null}
    </>
  );
}
