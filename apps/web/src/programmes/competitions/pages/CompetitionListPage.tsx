import { PlusOutlined, TrophyOutlined } from "@ant-design/icons";
import { competitionLevelLabels, competitionLevels, competitionTierLabels, competitionTiers, todayInChina, type CompetitionLevel, type CompetitionSummary, type CompetitionTier } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Card, Flex, Select, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { competitionKeys, competitionsApi } from "../api";
import { CompetitionFormModal } from "../components/CompetitionFormModal";

/** 竞赛: every competition of a year (filters by tier and level), for organisers to manage and workers to find. */
export function CompetitionListPage() {
  const [params, setParams] = useSearchParams();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const year = Number(params.get("year") ?? todayInChina(new Date()).slice(0, 4));
  const tier = (params.get("tier") ?? undefined) as CompetitionTier | undefined;
  const level = (params.get("level") ?? undefined) as CompetitionLevel | undefined;
  const page = Number(params.get("page") ?? 1);
  const query = { year, tier, level, page, pageSize: 20 };
  const list = useQuery({ queryKey: [...competitionKeys.all, "list", query], queryFn: ({ signal }) => competitionsApi.list(query, signal), placeholderData: keepPreviousData });
  const set = (k: string, v: string | number | undefined) => {
    const next = new URLSearchParams(params);
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
    if (k !== "page") next.delete("page");
    setParams(next, { replace: true });
  };
  const thisYear = Number(todayInChina(new Date()).slice(0, 4));
  return (
    <>
      <PageHeader
        title="职业技能竞赛"
        description="重点赛、示范赛、常规赛；省级到乡镇(街道)级。点开竞赛查看赛项、报名和成绩。"
        extra={
          <>
            <Link to="/competitions/gold-blue-collar">
              <Button icon={<TrophyOutlined />}>浙江金蓝领</Button>
            </Link>
            {can("competition.write") ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
                新建竞赛
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap>
          <Select aria-label="年度" value={year} style={{ width: 120 }} onChange={(v) => set("year", v)} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />
          <Select aria-label="类别" allowClear placeholder="全部类别" value={tier} style={{ width: 140 }} onChange={(v) => set("tier", v)} options={competitionTiers.map((t) => ({ value: t, label: competitionTierLabels[t] }))} />
          <Select aria-label="级别" allowClear placeholder="全部级别" value={level} style={{ width: 160 }} onChange={(v) => set("level", v)} options={competitionLevels.map((l) => ({ value: l, label: competitionLevelLabels[l] }))} />
        </Flex>
      </Card>
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<CompetitionSummary>
            rowKey="id"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            scroll={{ x: "max-content" }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, showSizeChanger: false, showTotal: (t) => `共 ${t} 项`, onChange: (p) => set("page", p) }}
            columns={[
              {
                title: "竞赛",
                key: "name",
                render: (_, c) => (
                  <div style={{ maxWidth: 420, whiteSpace: "normal" }}>
                    <Link to={`/competitions/${c.id}`}>{c.name}</Link>
                    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
                      {c.organiserUnionName} · {c.venue}
                    </Typography.Text>
                  </div>
                ),
              },
              { title: "类别", key: "tier", width: 90, render: (_, c) => <Tag color={c.tier === "key" ? "red" : c.tier === "model" ? "gold" : "default"}>{competitionTierLabels[c.tier]}</Tag> },
              { title: "级别", key: "level", width: 110, render: (_, c) => competitionLevelLabels[c.level] },
              { title: "日期", key: "dates", width: 190, responsive: ["md"], render: (_, c) => (c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} 至 ${c.endsOn}`) },
              { title: "举办地", dataIndex: "countyName", key: "county", width: 110, responsive: ["lg"] },
              { title: "赛项", dataIndex: "eventCount", key: "events", width: 70, align: "right", responsive: ["md"] },
              { title: "选手", dataIndex: "contestants", key: "contestants", width: 70, align: "right" },
            ]}
          />
        </Card>
      )}
      {creating ? <CompetitionFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
