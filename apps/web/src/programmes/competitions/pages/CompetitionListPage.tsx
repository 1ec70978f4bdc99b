import { PlusOutlined, TrophyOutlined } from "@ant-design/icons";
import { competitionLevelLabels, competitionLevels, competitionListQuerySchema, competitionTierLabels, competitionTiers, todayInChina, type CompetitionSummary } from "@jiangxin/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Button, Select, Tag, Typography, type TableColumnsType } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ListCard } from "../../../app/components/ListCard";
import { ListFilterBar } from "../../../app/components/ListFilterBar";
import { ListTable } from "../../../app/components/ListTable";
import { PageHeader } from "../../../app/components/PageHeader";
import { useCan } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { useUrlListState } from "../../../app/useUrlListState";
import { competitionKeys, competitionsApi } from "../api";
import { CompetitionFormModal } from "../components/CompetitionFormModal";

const columns: TableColumnsType<CompetitionSummary> = [
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
];

/** 竞赛: every competition of a year (filters by tier and level), for organisers to manage and workers to find. */
export function CompetitionListPage() {
  const { query: inAddress, update } = useUrlListState(competitionListQuerySchema);
  const can = useCan();
  const isMobile = useIsMobile();
  const [creating, setCreating] = useState(false);
  const thisYear = Number(todayInChina(new Date()).slice(0, 4));
  // The list is always of one year: this year unless the address names another.
  const query = { ...inAddress, year: inAddress.year ?? thisYear };
  const list = useQuery({ queryKey: [...competitionKeys.all, "list", query], queryFn: ({ signal }) => competitionsApi.list(query, signal), placeholderData: keepPreviousData });
  const width = (w: number) => (isMobile ? "100%" : w);
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
      <ListFilterBar>
        <Select aria-label="年度" value={query.year} style={{ width: width(120) }} onChange={(year) => update({ year })} options={[thisYear, thisYear - 1, thisYear - 2].map((y) => ({ value: y, label: `${y}年` }))} />
        <Select aria-label="类别" allowClear placeholder="全部类别" value={query.tier} style={{ width: width(140) }} onChange={(tier) => update({ tier })} options={competitionTiers.map((t) => ({ value: t, label: competitionTierLabels[t] }))} />
        <Select aria-label="级别" allowClear placeholder="全部级别" value={query.level} style={{ width: width(160) }} onChange={(level) => update({ level })} options={competitionLevels.map((l) => ({ value: l, label: competitionLevelLabels[l] }))} />
      </ListFilterBar>
      <ListCard list={list} paging={query} onPageChange={update} showTotal={(t) => `共 ${t} 项`} emptyText={query.tier || query.level ? "没有符合条件的竞赛" : `${query.year}年还没有竞赛`}>
        {(table) => <ListTable<CompetitionSummary> {...table} scroll={{ x: "max-content" }} columns={columns} />}
      </ListCard>
      {creating ? <CompetitionFormModal onClose={() => setCreating(false)} /> : null}
    </>
  );
}
