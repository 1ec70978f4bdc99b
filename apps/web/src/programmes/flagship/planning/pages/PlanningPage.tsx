import { CheckCircleOutlined, CloseOutlined, EnvironmentOutlined, TableOutlined, ThunderboltOutlined } from "@ant-design/icons";
import type { PlanAcceptInput, PlanAssignment, PlanComputeInput, PlanResult } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Collapse, DatePicker, Empty, Flex, Popconfirm, Progress, Result, Segmented, Select, Space, Statistic, Tabs, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { errorMessage } from "../../../../app/ApiError";
import { PageHeader } from "../../../../app/components/PageHeader";
import { useCan } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { listCampaigns } from "../../campaigns/api";
import { campaignQueryKeys } from "../../campaigns/campaignQueryKeys";
import { expertLabel } from "../../experts/expertLabel";
import { RegionFilterSelect } from "../../../../app/regions/components/RegionFilterSelect";
import { regionNameIndex } from "../../../../app/regions/regionTree";
import { useRegionScope } from "../../../../app/regions/useRegionScope";
import { acceptPlan, computePlan } from "../api";
import { PlanAssignmentTable } from "../components/PlanAssignmentTable";
import { PlanCountyMap } from "../components/PlanCountyMap";
import { PlanUnassignedList } from "../components/PlanUnassignedList";
import { planCountySummary } from "../planCountySummary";
import { planPairKey } from "../planPairKey";
import { planSummaryText, planTimingText } from "../planTexts";

type Filters = { campaignId?: string; regionCode?: string; period?: [Dayjs, Dayjs] | null };

/** Seconds since `running` turned true: a plan over a province takes a few, and the page says so. */
function useElapsed(running: boolean): number {
  const [elapsed, setElapsed] = useState(0);
  useEffect(() => {
    if (!running) return;
    const start = Date.now();
    const timer = setInterval(() => setElapsed((Date.now() - start) / 1000), 200);
    return () => {
      clearInterval(timer);
      setElapsed(0);
    };
  }, [running]);
  return elapsed;
}

/**
 * 专家调度规划: the whole expert pool matched to every problem waiting for one in the chosen scope,
 * reviewed, adjusted by 锁定 / 排除, and accepted in one step. Pins and forbids stay until cleared,
 * so each 重新规划 keeps the hand-made choices.
 */
export function PlanningPage() {
  const isMobile = useIsMobile();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { scope, data: regionTree } = useRegionScope();
  const campaigns = useQuery({ queryKey: campaignQueryKeys.list(undefined), queryFn: ({ signal }) => listCampaigns(undefined, signal), enabled: can("campaign.read") });

  const [filters, setFilters] = useState<Filters>({});
  // Keyed by pair: a team of two or three may have several pinned members.
  const [pins, setPins] = useState<Map<string, PlanAssignment>>(new Map());
  const [forbids, setForbids] = useState<PlanAssignment[]>([]);
  const [plan, setPlan] = useState<PlanResult | null>(null);
  const [accepted, setAccepted] = useState<{ accepted: number; members: number } | null>(null);
  // The plan lives in this page's state, not the address, so the view and county filter do too.
  const [view, setView] = useState<"table" | "map">("table");
  const [county, setCounty] = useState<string | undefined>();

  const compute = useMutation({
    mutationFn: (input: PlanComputeInput) => computePlan(input),
    onSuccess: (result) => {
      setPlan(result);
      setAccepted(null);
    },
  });
  const accept = useMutation({
    mutationFn: (pairs: PlanAcceptInput["assignments"]) => acceptPlan(pairs),
    onSuccess: (result) => {
      const n = result.accepted;
      setAccepted(result);
      setPlan(null);
      setPins(new Map());
      setForbids([]);
      setCounty(undefined);
      message.success(`已采纳方案：${n} 个难题已指派专家`);
      void queryClient.invalidateQueries();
    },
  });
  const elapsed = useElapsed(compute.isPending);

  const run = () => {
    accept.reset();
    compute.mutate({
      campaignId: filters.campaignId,
      regionCode: filters.regionCode,
      from: filters.period?.[0].format("YYYY-MM-DD"),
      to: filters.period?.[1].format("YYYY-MM-DD"),
      pins: [...pins.values()].map((p) => ({ problemId: p.problemId, expertId: p.expertId })),
      forbids: forbids.map((f) => ({ problemId: f.problemId, expertId: f.expertId })),
    });
  };
  const togglePin = (row: PlanAssignment) =>
    setPins((old) => {
      const next = new Map(old);
      const key = planPairKey(row);
      if (next.has(key)) next.delete(key);
      else next.set(key, row);
      return next;
    });
  const forbid = (row: PlanAssignment) => {
    setPins((old) => {
      const next = new Map(old);
      next.delete(planPairKey(row));
      return next;
    });
    setForbids((old) => (old.some((f) => f.problemId === row.problemId && f.expertId === row.expertId) ? old : [...old, row]));
  };
  const pinnedPairs = useMemo(() => new Set(pins.keys()), [pins]);
  const counties = useMemo(() => (plan ? planCountySummary(plan) : []), [plan]);
  // The county filter stays across 重新规划 (a planner adjusting one county keeps looking at it).
  const shown = useMemo(
    () => (plan && county ? { assignments: plan.assignments.filter((a) => a.countyCode === county), unassigned: plan.unassigned.filter((u) => u.countyCode === county) } : plan),
    [plan, county],
  );
  const regionNames = useMemo(() => (regionTree ? regionNameIndex(regionTree) : new Map<string, string>()), [regionTree]);
  const adjusted = pins.size + forbids.length > 0;

  const wide = isMobile ? "100%" : undefined;
  const filtersCard = (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
      <Flex gap={12} wrap align="center">
        {can("campaign.read") ? (
          <Select
            aria-label="专项行动"
            value={filters.campaignId}
            allowClear
            loading={campaigns.isFetching}
            options={(campaigns.data ?? []).map((c) => ({ value: c.id, label: `${c.year} ${c.name}` }))}
            placeholder={campaigns.isError ? "专项行动加载失败" : "不限专项行动"}
            style={{ width: wide ?? 280 }}
            onChange={(campaignId?: string) => setFilters((f) => ({ ...f, campaignId }))}
          />
        ) : null}
        <RegionFilterSelect
          aria-label="区域"
          value={filters.regionCode}
          width={220}
          placeholder={scope ? `${scope.name}（全部）` : "全部辖区"}
          onChange={(regionCode) => setFilters((f) => ({ ...f, regionCode }))}
        />
        <DatePicker.RangePicker
          aria-label="受理时段"
          value={filters.period ?? null}
          placeholder={["难题登记起", "止"]}
          style={{ width: wide ?? 260 }}
          onChange={(range) => setFilters((f) => ({ ...f, period: range && range[0] && range[1] ? [range[0], range[1]] : null }))}
        />
        <Button type="primary" icon={<ThunderboltOutlined />} loading={compute.isPending} onClick={run} block={isMobile}>
          {plan ? "重新规划" : "计算方案"}
        </Button>
      </Flex>
      {adjusted ? (
        <Flex gap={6} wrap style={{ marginTop: 12 }} align="center">
          <Typography.Text type="secondary">人工调整（重新规划时生效）：</Typography.Text>
          {[...pins.values()].map((p) => (
            <Tag key={`pin-${planPairKey(p)}`} color="gold" closable onClose={() => togglePin(p)}>
              锁定 {p.problemTitle} → {expertLabel(p.expertName, p.expertDetail)}
            </Tag>
          ))}
          {forbids.map((f) => (
            <Tag key={`forbid-${f.problemId}-${f.expertId}`} color="red" closable onClose={() => setForbids((old) => old.filter((x) => x !== f))}>
              排除 {f.problemTitle} ✕ {expertLabel(f.expertName, f.expertDetail)}
            </Tag>
          ))}
          <Button size="small" type="link" icon={<CloseOutlined />} onClick={() => (setPins(new Map()), setForbids([]))}>
            清除调整
          </Button>
        </Flex>
      ) : null}
    </Card>
  );

  let body;
  if (compute.isPending) {
    // The server gives no progress of its own: a province-wide plan is load, build, solve in ~2–3 s.
    body = (
      <Card>
        <Flex vertical align="center" gap={12} style={{ padding: "32px 0" }}>
          <Progress type="circle" percent={Math.min(95, Math.round((elapsed / 4) * 100))} format={() => `${elapsed.toFixed(1)} 秒`} />
          <Typography.Text>正在读取待匹配难题和全省专家库，求解最优调度方案…</Typography.Text>
          <Typography.Text type="secondary">全省范围通常需要数秒</Typography.Text>
        </Flex>
      </Card>
    );
  } else if (compute.isError) {
    body = <Result status="error" title="方案计算失败" subTitle={errorMessage(compute.error)} extra={<Button onClick={run}>重试</Button>} />;
  } else if (accepted !== null) {
    body = (
      <Result
        status="success"
        title={`已采纳：${accepted.accepted} 个难题已指派专家`}
        subTitle={`难题状态已变为“已匹配专家”${accepted.members > 0 ? `，另有 ${accepted.members} 位协助专家加入团队` : ""}，可在难题列表中跟进`}
        extra={<Button onClick={run}>为剩余难题再规划</Button>}
      />
    );
  } else if (!plan) {
    body = (
      <Card>
        <Empty description="选择范围后点击“计算方案”：把辖区内已受理、待匹配的难题一次性分配给全省可服务的专家" />
      </Card>
    );
  } else if (plan.totals.problems === 0) {
    body = (
      <Card>
        <Empty description="所选范围内没有已受理、待匹配专家的难题" />
      </Card>
    );
  } else {
    const t = plan.totals;
    const rows = shown ?? plan;
    const selected = counties.find((c) => c.code === county);
    body = (
      <>
        <Card style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
          <Flex gap={isMobile ? 16 : 40} wrap>
            <Statistic title="待匹配难题" value={t.problems} suffix="个" />
            <Statistic title="已安排" value={t.assigned} suffix={`/ ${t.problems}`} />
            <Statistic title="山区海岛县已安排" value={t.priorityAssigned} suffix={`/ ${t.priorityProblems}`} />
            <Statistic title="动用专家" value={t.expertsUsed} suffix={`/ ${t.experts}`} />
            <Statistic title="平均距离" value={t.meanDistanceKm} suffix="公里" />
          </Flex>
          <Typography.Text type="secondary" style={{ display: "block", marginTop: 8, fontSize: 12 }}>
            {planSummaryText(t)}
          </Typography.Text>
          {/* Timings and the scoring are for staff looking into a slow or surprising plan, closed by default. */}
          <Collapse
            ghost
            size="small"
            style={{ marginTop: 4, marginInline: -12 }}
            items={[{ key: "tech", label: <Typography.Text type="secondary" style={{ fontSize: 12 }}>技术信息</Typography.Text>, children: <Typography.Text type="secondary" style={{ fontSize: 12 }}>{planTimingText(plan.timing)}</Typography.Text> }]}
          />
        </Card>
        {accept.isError ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message="采纳失败，未做任何更改"
            description={errorMessage(accept.error)}
            action={<Button onClick={run}>重新规划</Button>}
          />
        ) : null}
        <Card styles={{ body: { padding: isMobile ? 8 : 16 } }}>
          <Flex gap={8} wrap align="center" style={{ marginBottom: 12 }}>
            <Segmented<"table" | "map">
              aria-label="查看方式"
              value={view}
              onChange={setView}
              options={[
                { value: "table", label: "表格", icon: <TableOutlined /> },
                { value: "map", label: "地图", icon: <EnvironmentOutlined /> },
              ]}
            />
            {county ? (
              <Tag color="orange" closable onClose={() => setCounty(undefined)} style={{ marginInlineEnd: 0, fontSize: 13, padding: "2px 8px" }}>
                只看 {selected?.name ?? regionNames.get(county) ?? county}
              </Tag>
            ) : null}
          </Flex>
          {view === "map" ? (
            <div style={{ marginBottom: 16 }}>
              <PlanCountyMap plan={plan} counties={counties} selectedCode={county} onSelect={setCounty} compact={isMobile} />
            </div>
          ) : null}
          {county && rows.assignments.length + rows.unassigned.length === 0 ? (
            // The tables' own empty texts speak of the whole plan; a county outside it gets its own.
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`本次规划中${regionNames.get(county) ?? "该县"}没有待匹配的难题`}>
              <Button onClick={() => setCounty(undefined)}>查看全部县</Button>
            </Empty>
          ) : (
            <Tabs
              items={[
                {
                  key: "assigned",
                  // One row per expert placed: a team of three is three rows.
                  label: `调度方案 (${selected?.assigned ?? t.assigned} 个难题 · ${rows.assignments.length} 人次)`,
                  children: <PlanAssignmentTable rows={rows.assignments} pinned={pinnedPairs} onPin={togglePin} onForbid={forbid} compact={isMobile} />,
                },
                { key: "unassigned", label: `未安排 (${selected?.unassigned ?? t.unassigned})`, children: <PlanUnassignedList rows={rows.unassigned} compact={isMobile} /> },
              ]}
            />
          )}
        </Card>
      </>
    );
  }

  return (
    <>
      <PageHeader
        title="专家调度规划"
        description="全省专家库一次性匹配辖区待办难题：工种对口，就近、负荷均衡、优先老帮手，山区县海岛县优先保障"
        extra={
          plan && plan.assignments.length > 0 && accepted === null ? (
            <Popconfirm
              title="采纳此方案？"
              description={`将为 ${plan.totals.assigned} 个难题安排 ${plan.totals.assignedPairs} 人次专家（全部成功或全部不变）`}
              okText="采纳"
              cancelText="取消"
              onConfirm={() => accept.mutate(plan.assignments.map((a) => ({ problemId: a.problemId, expertId: a.expertId, role: a.role })))}
            >
              <Button type="primary" icon={<CheckCircleOutlined />} loading={accept.isPending}>
                采纳方案
              </Button>
            </Popconfirm>
          ) : null
        }
      />
      {filtersCard}
      <Space direction="vertical" style={{ width: "100%" }}>
        {body}
      </Space>
    </>
  );
}
