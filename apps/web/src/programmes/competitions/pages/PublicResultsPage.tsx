import { todayInChina } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, Empty, Flex, Select, Skeleton, Table, Typography } from "antd";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { competitionsApi } from "../api";

/** 获奖名单 (公众服务, no login): the prize-winners of every event whose results are final. */
export function PublicResultsPage() {
  const thisYear = Number(todayInChina(new Date()).slice(0, 4));
  // The year lives in the address (?year=2025), so a shared link opens the same list.
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get("year"));
  const year = asked >= 2000 && asked <= thisYear ? asked : thisYear;
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const q = useQuery({ queryKey: ["public", "competition-results", year], queryFn: () => competitionsApi.publicResults(year) });
  return (
    <PublicLayout title="职业技能竞赛获奖名单">
      <Flex gap={12} style={{ marginBottom: 16 }}>
        <Select aria-label="年度" value={year} onChange={setYear} style={{ width: 120 }} options={[...new Set([thisYear, thisYear - 1, thisYear - 2, year])].map((y) => ({ value: y, label: `${y}年` }))} />
      </Flex>
      {q.isPending ? <Skeleton active paragraph={{ rows: 6 }} /> : null}
      {q.isError ? (
        <Alert
          type="error"
          showIcon
          title={errorMessage(q.error)}
          action={
            <Button size="small" onClick={() => void q.refetch()}>
              重试
            </Button>
          }
        />
      ) : null}
      {q.data && q.data.length === 0 ? <Empty description="无数据：该年度暂无成绩已确定的赛项" /> : null}
      <Flex vertical gap={16}>
        {(q.data ?? []).map((e) => (
          <Card key={`${e.competitionName}${e.eventName}`} title={`${e.competitionName} · ${e.eventName}`} styles={{ body: { padding: 0 } }}>
            <Table
              rowKey={(r) => `${r.place}${r.name}`}
              size="small"
              pagination={false}
              scroll={{ x: "max-content" }}
              dataSource={e.rows}
              columns={[
                { title: "名次", dataIndex: "place", key: "place", width: 70 },
                { title: "姓名", dataIndex: "name", key: "name", width: 90 },
                { title: "工作单位", dataIndex: "employerName", key: "employer" },
                { title: "总分", dataIndex: "total", key: "total", width: 80 },
                { title: "奖项", dataIndex: "prize", key: "prize", width: 80 },
              ]}
            />
          </Card>
        ))}
      </Flex>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        名单于各赛项申诉期结束、成绩确定后公布。
      </Typography.Paragraph>
    </PublicLayout>
  );
}
