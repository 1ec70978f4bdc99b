import { ArrowLeftOutlined } from "@ant-design/icons";
import { demandListSourceLabels, trainingNeedStatusLabels, type TrainingNeed } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Empty, Result, Table, Tag, type DescriptionsProps } from "antd";
import dayjs from "dayjs";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../../../app/ApiError";
import { PageHeader } from "../../../../app/components/PageHeader";
import { PageLoading } from "../../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { getDemandList } from "../api";
import { ProblemTable } from "../components/ProblemTable";
import { WithdrawListButton, WithdrawnAlert } from "../components/WithdrawListButton";
import { SessionFromProblemsButton } from "../../serviceSessions/components/SessionFromProblemsButton";
import { problemQueryKeys } from "../problemQueryKeys";

export function DemandListDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const list = useQuery({ queryKey: problemQueryKeys.demandList(id), queryFn: ({ signal }) => getDemandList(id, signal) });

  if (list.isPending) return <PageLoading rows={8} />;
  if (list.isError) {
    const error = list.error;
    if (error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields))) {
      return (
        <Result
          status="404"
          title="未找到该需求清单"
          subTitle="该需求清单不存在，或不在您的查看范围内。"
          extra={
            <Link to="/demand-lists">
              <Button type="primary">返回需求清单</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={error} onRetry={() => void list.refetch()} />;
  }

  const l = list.data;
  const items: DescriptionsProps["items"] = [
    { key: "enterprise", label: "企业", children: <Link to={`/enterprises/${l.enterpriseId}`}>{l.enterpriseName}</Link> },
    { key: "county", label: "所在县区", children: l.countyName },
    { key: "submittedAt", label: "提交时间", children: dayjs(l.submittedAt).format("YYYY-MM-DD HH:mm") },
    { key: "source", label: "来源", children: `${demandListSourceLabels[l.source]}${l.submittedByName ? `（${l.submittedByName}）` : ""}` },
    { key: "progress", label: "难题进展", children: `已解决 ${l.solvedCount} / 共 ${l.problemCount}` },
    { key: "training", label: "培训需求", children: `${l.trainingNeedCount} 项，共 ${l.trainingWorkers} 人` },
    ...(l.note ? [{ key: "note", label: "备注", span: "filled" as const, children: l.note }] : []),
  ];

  return (
    <>
      <PageHeader
        title={`需求清单 · ${l.enterpriseName}`}
        description={dayjs(l.submittedAt).format("YYYY年M月D日提交")}
        extra={
          <>
            <WithdrawListButton list={l} />
            <SessionFromProblemsButton problems={l.problems} />
            <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/demand-lists") : navigate(-1))}>
              返回
            </Button>
          </>
        }
      />
      <WithdrawnAlert list={l} />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} size="small" />
      </Card>
      <Card title={`技术难题（${l.problems.length}）`} style={{ marginBottom: 16 }} styles={{ body: { padding: 0 } }}>
        <ProblemTable items={l.problems} loading={false} pagination={false} hideEnterprise empty={<Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本清单没有技术难题" />} />
      </Card>
      <Card title={`培训需求（${l.trainingNeeds.length}）`} styles={{ body: { padding: 0 } }}>
        <Table<TrainingNeed>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={l.trainingNeeds}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="本清单没有培训需求" /> }}
          columns={[
            { title: "培训主题", dataIndex: "topic", key: "topic" },
            { title: "人数", dataIndex: "workers", key: "workers", width: 80 },
            { title: "状态", key: "status", width: 90, render: (_, n) => <Tag>{trainingNeedStatusLabels[n.status]}</Tag> },
          ]}
        />
      </Card>
    </>
  );
}
