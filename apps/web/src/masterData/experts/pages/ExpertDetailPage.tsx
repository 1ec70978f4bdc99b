import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { expertAvailabilityLabels, honourLevelLabels, honourTitleLabels, skillLevelLabels, type Expert, type Honour } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Result, Select, Tag, Typography, type DescriptionsProps, type TableColumnsType } from "antd";
import { ResponsiveTable } from "../../../app/components/ResponsiveTable";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan, useSession } from "../../../app/session";
import { useIsMobile } from "../../../app/useIsMobile";
import { countiesIn } from "../../../app/regions/regionTree";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { getExpert, setExpertAvailability } from "../api";
import { ExpertFormDrawer } from "../components/ExpertFormDrawer";
import { ExpertPhoneReveal } from "../components/ExpertPhoneReveal";
import { OwnAvailabilitySwitch } from "../components/OwnAvailabilitySwitch";
import { HonourTags } from "../components/HonourTags";
import { expertQueryKeys } from "../expertQueryKeys";
import { availabilityColors, availabilityOptions, honourLevelColors, tradeName } from "../expertLabels";

const honourColumns: TableColumnsType<Honour> = [
  { title: "称号", key: "title", render: (_, h) => (h.name ? `${h.name}(${honourTitleLabels[h.title]})` : honourTitleLabels[h.title]) },
  { title: "级别", dataIndex: "level", key: "level", width: 80, render: (level: Honour["level"]) => <Tag color={honourLevelColors[level]}>{honourLevelLabels[level]}</Tag> },
  { title: "年份", dataIndex: "year", key: "year", width: 70 },
  { title: "授予单位", dataIndex: "awardedBy", key: "awardedBy", responsive: ["sm"] },
];

export function ExpertDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const { user } = useSession();
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const { scope } = useRegionScope();
  const [editing, setEditing] = useState(false);
  const expert = useQuery({ queryKey: expertQueryKeys.detail(id), queryFn: ({ signal }) => getExpert(id, signal) });
  const queryClient = useQueryClient();
  const availability = useMutation({
    mutationFn: (value: Expert["availability"]) => setExpertAvailability(id, value),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: expertQueryKeys.all });
      void message.success(`已将“${saved.name}”设为${expertAvailabilityLabels[saved.availability]}`);
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const back = (
    // Going back keeps the list's filters; opened from a link or bookmark there is nothing to go back to.
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/experts") : navigate(-1))}>
      返回
    </Button>
  );

  if (expert.isPending) return <PageLoading rows={8} />;
  if (expert.isError) {
    // 404 for a missing expert and for one the user may not open are the same answer, by design.
    const error = expert.error;
    const notFound = error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields));
    if (notFound) {
      return (
        <Result
          status="404"
          title="未找到该专家"
          subTitle="该专家不存在，或您无权查看。"
          extra={
            <Link to="/experts">
              <Button type="primary">返回专家库</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={expert.error} onRetry={() => void expert.refetch()} />;
  }

  const e = expert.data;
  // Phones and edits belong to the union of the expert's home county (or above); others see the profile only.
  const inRegion = scope !== null && countiesIn(scope).some((c) => c.code === e.homeCountyCode);
  const canWrite = can("expert.write") && inRegion;
  // The expert's own profile: it may pause or resume its service, nothing else.
  const isOwn = can("expert.selfAvailability") && e.userId === user.id;
  const items: DescriptionsProps["items"] = [
    { key: "name", label: "姓名", children: e.name },
    { key: "home", label: "所在地", children: `${e.homeCityName} ${e.homeCountyName}` },
    { key: "employer", label: "工作单位", children: e.employer, span: "filled" },
    { key: "skill", label: "职业技能等级", children: skillLevelLabels[e.skillLevel] },
    {
      key: "trades",
      label: "工种",
      children: e.trades.map((code) => (
        <Tag key={code} style={{ marginBottom: 2 }}>
          {tradeName(code)}
        </Tag>
      )),
    },
    { key: "honours", label: "荣誉", children: <HonourTags honours={e.honours} />, span: "filled" },
    {
      key: "availability",
      label: "可服务状态",
      children: (
        <>
          {isOwn ? (
            <OwnAvailabilitySwitch expert={e} />
          ) : canWrite ? (
            <Select
              size="small"
              value={e.availability}
              options={availabilityOptions}
              loading={availability.isPending}
              disabled={availability.isPending}
              onChange={(value: Expert["availability"]) => availability.mutate(value)}
              style={{ width: 120, marginInlineEnd: 8 }}
              aria-label="可服务状态"
            />
          ) : (
            <Tag color={availabilityColors[e.availability]}>{expertAvailabilityLabels[e.availability]}</Tag>
          )}
          {e.active ? null : <Tag>已停用</Tag>}
        </>
      ),
    },
    {
      key: "load",
      label: "在办难题",
      children: (
        <Typography.Text type={e.openProblems >= e.maxOpenProblems ? "danger" : undefined}>
          {e.openProblems} / {e.maxOpenProblems}(上限)
        </Typography.Text>
      ),
    },
    { key: "phone", label: "手机号", children: <ExpertPhoneReveal expertId={e.id} masked={e.phoneMasked} inRegion={inRegion} /> },
    { key: "residentId", label: "身份证号", children: <span style={{ fontFamily: "monospace" }}>{e.residentIdMasked ?? "未登记"}</span> },
  ];

  return (
    <>
      <PageHeader
        title={e.name}
        description={`${e.homeCountyName} · ${e.employer}`}
        extra={
          <>
            {back}
            {canWrite ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }} styles={isMobile ? { body: { padding: 12 } } : undefined}>
        <Descriptions
          bordered
          column={{ xs: 1, sm: 1, md: 2 }}
          items={items}
          size={isMobile ? "small" : "middle"}
          // On a phone a wrapped label ("可服务状态" in three lines) costs more height than its width saves.
          styles={isMobile ? { label: { whiteSpace: "nowrap", paddingInline: 10 } } : undefined}
        />
      </Card>
      <Card title={`荣誉称号(${e.honours.length})`} styles={{ body: { padding: 0 } }}>
        <ResponsiveTable<Honour>
          rowKey={(h) => `${h.title}-${h.year}-${h.awardedBy}`}
          size="small"
          columns={honourColumns}
          dataSource={e.honours}
          pagination={false}
          locale={{ emptyText: "暂无荣誉记录" }}
        />
      </Card>
      {canWrite ? (
        <ExpertFormDrawer
          open={editing}
          expert={e}
          scope={scope}
          onClose={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            void message.success(`已保存“${saved.name}”的信息`);
          }}
        />
      ) : null}
    </>
  );
}
