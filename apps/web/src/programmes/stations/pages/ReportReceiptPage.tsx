import { reportKindLabels, reportOutcomeLabels } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Card, Descriptions, Skeleton, Tag } from "antd";
import { Link, useParams } from "react-router-dom";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { stationsApi } from "../api";

const time = (iso: string) => new Date(iso).toLocaleString("zh-CN", { timeZone: "Asia/Shanghai", hour12: false });

/** What the reporter sees by the receipt code: the report, its due date, and the county's answer when given. */
export function ReportReceiptPage() {
  const { code = "" } = useParams();
  const r = useQuery({ queryKey: ["public", "station-reports", code], queryFn: ({ signal }) => stationsApi.receipt(code, signal) });
  return (
    <PublicLayout title="报告处理进度">
      {r.isPending ? (
        <Skeleton active />
      ) : r.isError ? (
        <QueryErrorResult error={r.error} onRetry={() => void r.refetch()} />
      ) : (
        <Card>
          <Descriptions column={1} size="small" data-testid="receipt">
            <Descriptions.Item label="回执码">{r.data.receiptCode}</Descriptions.Item>
            <Descriptions.Item label="站点">
              <Link to={`/public/stations/${r.data.stationId}`}>{r.data.stationName}</Link>
            </Descriptions.Item>
            <Descriptions.Item label="问题">{reportKindLabels[r.data.kind]}</Descriptions.Item>
            <Descriptions.Item label="报告时间">{time(r.data.reportedAt)}</Descriptions.Item>
            <Descriptions.Item label="答复期限">{r.data.dueDate}</Descriptions.Item>
            <Descriptions.Item label="状态">{r.data.answeredAt ? <Tag color="green">已答复</Tag> : <Tag color="orange">处理中</Tag>}</Descriptions.Item>
            {r.data.outcome ? <Descriptions.Item label="核实结果">{reportOutcomeLabels[r.data.outcome]}</Descriptions.Item> : null}
            {r.data.answer ? <Descriptions.Item label={`${r.data.countyName}总工会答复`}>{r.data.answer}</Descriptions.Item> : null}
            {r.data.answeredAt ? <Descriptions.Item label="答复时间">{time(r.data.answeredAt)}</Descriptions.Item> : null}
          </Descriptions>
        </Card>
      )}
    </PublicLayout>
  );
}
