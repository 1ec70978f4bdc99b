import { ArrowLeftOutlined, LinkOutlined, TeamOutlined } from "@ant-design/icons";
import { trades, type Problem } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Result, Typography, type DescriptionsProps, type TableColumnsType } from "antd";
import { ResponsiveTable } from "../../../../app/components/ResponsiveTable";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../../../app/ApiError";
import { AttachmentPanel } from "../../../../app/attachments";
import { PageHeader } from "../../../../app/components/PageHeader";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan, useSession } from "../../../../app/session";
import { useIsMobile } from "../../../../app/useIsMobile";
import { mayAttach } from "../../attachments/mayAttach";
import { ProblemStatusTag } from "../../problems/components/ProblemStatusTag";
import { getThreeLists } from "../api";
import { LinkProblemsDrawer } from "../components/LinkProblemsDrawer";
import { SessionCorrectActions, TeamOwnerWarning } from "../components/SessionCorrections";
import { CorrectionHistory } from "../../corrections/components/CorrectionHistory";
import { VoidedAlert } from "../../corrections/components/VoidedAlert";
import { ExpertName, ExpertTag } from "../../experts/ExpertName";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";

export function ServiceSessionDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const isMobile = useIsMobile();
  const can = useCan();
  const { user } = useSession();
  const [linking, setLinking] = useState(false);
  const lists = useQuery({ queryKey: serviceSessionQueryKeys.threeLists(id), queryFn: ({ signal }) => getThreeLists(id, signal) });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/service-sessions") : navigate(-1))}>
      返回
    </Button>
  );

  if (lists.isPending) return <PageLoading rows={8} />;
  if (lists.isError) {
    const error = lists.error;
    if (error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields))) {
      return (
        <Result
          status="404"
          title="未找到该服务场次"
          subTitle="该场次不存在，或不在您的管辖范围内。"
          extra={
            <Link to="/service-sessions">
              <Button type="primary">返回服务场次</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={error} onRetry={() => void lists.refetch()} />;
  }

  const { session: s, problems } = lists.data;
  const items: DescriptionsProps["items"] = [
    { key: "title", label: "场次名称", children: s.title, span: "filled" },
    { key: "date", label: "服务日期", children: s.date },
    { key: "county", label: "县(市、区)", children: s.countyName },
    {
      key: "firms",
      label: "服务企业",
      span: "filled",
      children: s.enterprises.map((e) => (
        <Link key={e.id} to={`/enterprises/${e.id}`} style={{ marginInlineEnd: 12 }}>
          {e.name}
        </Link>
      )),
    },
    {
      key: "team",
      label: `专家团队(${s.experts.length}人)`,
      span: "filled",
      children: s.experts.map((x) => <ExpertTag key={x.id} name={x.name} detail={x.detail} color={x.leader ? "red" : undefined} suffix={x.leader ? "(带队)" : ""} />),
    },
    { key: "campaign", label: "专项行动", children: s.campaignName ?? "—" },
    { key: "counts", label: "难题 / 提出方案", children: `${s.problemCount} / ${s.solutionsProposed}` },
    ...(s.note ? [{ key: "note", label: "备注", children: s.note, span: "filled" as const }] : []),
  ];
  const columns: TableColumnsType<Problem> = [
    { title: "难题", key: "title", render: (_, p) => <Link to={`/problems/${p.id}`}>{p.title}</Link> },
    { title: "工种", key: "trade", width: 120, responsive: ["md"], render: (_, p) => trades[p.trade] },
    // Wide enough on a desktop for the name with work unit · county · level in two lines, not five.
    { title: "负责专家", key: "owner", width: isMobile ? 100 : 260, render: (_, p) => (p.ownerExpertName ? <ExpertName name={p.ownerExpertName} detail={p.ownerExpertDetail} block /> : <Typography.Text type="secondary">未指派</Typography.Text>) },
    { title: "进度", key: "status", width: 110, render: (_, p) => <ProblemStatusTag status={p.status} /> },
  ];

  return (
    <>
      <PageHeader
        title={s.title}
        description={`${s.date} · ${s.countyName}`}
        extra={
          <>
            <Link to={`/service-sessions/${s.id}/on-site`}>
              <Button type="primary" icon={<TeamOutlined />}>
                现场三张清单
              </Button>
            </Link>
            <SessionCorrectActions session={s} />
            {back}
          </>
        }
      />
      <VoidedAlert voided={s.voided} what="服务场次" />
      <TeamOwnerWarning session={s} problems={problems} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} size="middle" />
      </Card>
      <Card
        title={`难题(${problems.length})`}
        styles={{ body: { padding: 0 } }}
        extra={
          can("serviceSession.write") ? (
            <Button icon={<LinkOutlined />} onClick={() => setLinking(true)}>
              关联已有难题
            </Button>
          ) : null
        }
      >
        <ResponsiveTable<Problem> rowKey="id" columns={columns} dataSource={problems} pagination={false} size={isMobile ? "small" : "middle"} locale={{ emptyText: "本场次还没有难题" }} />
      </Card>
      <AttachmentPanel
        ownerKind="flagship.session"
        ownerId={s.id}
        title="现场记录(照片、签到表)"
        canUpload={mayAttach(user.role)}
        emptyText="暂无现场记录。现场照片、签到表、会议纪要可在此上传"
        style={{ marginTop: 16 }}
      />
      <CorrectionHistory recordPath={`/api/service-sessions/${encodeURIComponent(s.id)}`} style={{ marginTop: 16 }} />
      {can("serviceSession.write") ? <LinkProblemsDrawer open={linking} session={s} onClose={() => setLinking(false)} /> : null}
    </>
  );
}
