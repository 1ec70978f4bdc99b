import type { RecuperationQuotaNode } from "@jiangxin/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, Breadcrumb, Button, Card, Flex, Input, InputNumber, Skeleton, Space, Statistic, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { ResponsiveTable } from "../../../app/components/ResponsiveTable";
import { useCan } from "../../../app/session";
import { ImportDrawer } from "../../../modules/imports/components/ImportDrawer";
import { fetchQuotas, recuperationKeys, setQuota } from "../api";

/** A union's places for the year, typed and saved on its own; a refused number stays as typed, with the server's reason (which names the limits) under it. */
function QuotaInput({ row, year, label }: { row: RecuperationQuotaNode; year: number; label: string }) {
  const [value, setValue] = useState<number | null>(row.received);
  const [empty, setEmpty] = useState(false);
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (quota: number) => setQuota(year, row.unionId, quota),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: recuperationKeys.all }),
  });
  const error = empty ? "请填写名额" : save.isError ? errorMessage(save.error) : null;
  return (
    <Flex vertical gap={4}>
      <Space.Compact>
        <InputNumber
          value={value}
          onChange={(v) => {
            setEmpty(false);
            setValue(v);
          }}
          status={error ? "error" : undefined}
          style={{ width: 80 }}
          aria-label={label}
        />
        <Button
          loading={save.isPending}
          disabled={value === row.received}
          onClick={() => {
            if (value === null) setEmpty(true);
            else save.mutate(value);
          }}
        >
          保存
        </Button>
      </Space.Compact>
      {error ? (
        <Typography.Text type="danger" role="alert" style={{ fontSize: 12, maxWidth: 260 }}>
          {error}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

const count = (n: number | null) => (n === null ? "—" : n.toLocaleString("zh-CN"));

/**
 * 工会名额: places flow down the union tree — the province gives each city federation its places for the
 * year, a city splits them among its counties, a county among its grassroots unions. Each account sees
 * its own union's figures (received, handed down, kept undistributed, in use) and edits its children's
 * rows inline; a child with unions below opens its own split (read-only unless the reader sets those).
 */
export function QuotasPage() {
  const year = dayjs().year();
  const [params, setParams] = useSearchParams();
  const unionId = params.get("union") ?? undefined;
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const [importing, setImporting] = useState(false);
  const can = useCan();
  const queryClient = useQueryClient();
  const view = useQuery({
    queryKey: [...recuperationKeys.all, "quotas", year, unionId, q, page],
    queryFn: ({ signal }) => fetchQuotas({ year, unionId, q, page }, signal),
    placeholderData: keepPreviousData,
  });
  const open = (id: string | undefined) => {
    setPage(1);
    setQ("");
    setParams(id ? { union: id } : {});
  };
  const v = view.data;
  const own = v?.union;
  const root = own?.kind === "provincial";
  // A union with no unions below (a grassroots union's account): its places are its members', nothing to split.
  const leaf = own?.childCount === 0;
  return (
    <>
      <PageHeader title="疗休养名额" description={`${year}年名额逐级分配：省总工会分配到各市总工会，市分配到县(市、区)总工会，县分配到基层工会；各级只能分配本级获得的名额。`} />
      {leaf ? null : (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="未分配的名额暂不参加摇号"
          description="摇号按基层工会的名额分配。本级留存未分配的名额只分给直属本级工会的会员(县总工会一般没有直属会员)，分配到基层工会后其会员才能使用。增加基层工会的名额后，候补职工按摇号顺序即时递补。"
        />
      )}
      {view.isError ? (
        <QueryErrorResult error={view.error} onRetry={() => void view.refetch()} />
      ) : !v || !own ? (
        <Skeleton active />
      ) : (
        <Flex vertical gap={16}>
          {v.path.length > 1 ? (
            <Breadcrumb
              items={v.path.map((p, i) => ({
                key: p.unionId,
                title: i < v.path.length - 1 ? <Typography.Link onClick={() => open(i === 0 ? undefined : p.unionId)}>{p.unionName}</Typography.Link> : p.unionName,
              }))}
            />
          ) : null}
          <Card size="small" title={own.unionName} data-testid="quota-own">
            <Flex gap={24} wrap>
              <Statistic title={root ? "全省年度计划" : "获得名额"} value={count(own.received)} />
              {leaf ? null : <Statistic title="已分配给下级" value={count(own.handedDown)} />}
              {leaf ? null : <Statistic title="未分配" value={count(own.undistributed)} valueStyle={own.undistributed < 0 ? { color: "#cf1322" } : undefined} />}
              <Statistic
                title={leaf ? "已使用" : "已使用(含下级)"}
                value={count(own.used)}
                suffix={<Typography.Text type="secondary" style={{ fontSize: 12 }}>已接受 {count(own.accepted)}</Typography.Text>}
              />
              {leaf ? <Statistic title="剩余" value={count((own.received ?? 0) - own.used)} /> : null}
            </Flex>
            {leaf ? (
              <Typography.Text type="secondary" style={{ display: "block", marginTop: 12 }}>
                名额由上级工会分配；本工会会员在名额内参加摇号，名额增加后，候补会员按摇号顺序递补。
              </Typography.Text>
            ) : null}
            {own.editable ? (
              <Flex gap={8} align="center" wrap style={{ marginTop: 12 }}>
                <Typography.Text>{root ? "设定全省年度计划" : "本级名额"}</Typography.Text>
                <QuotaInput key={`${own.unionId}-${own.received}`} row={own} year={year} label={`${own.unionName}名额`} />
              </Flex>
            ) : own.received === null ? (
              <Typography.Text type="secondary" style={{ display: "block", marginTop: 12 }}>
                上级尚未分配名额。
              </Typography.Text>
            ) : null}
          </Card>
          {leaf ? null : (
            <ResponsiveTable<RecuperationQuotaNode>
              data-testid="quota-children"
              rowKey="unionId"
              size="small"
              loading={view.isFetching}
              dataSource={v.children.items}
              locale={{ emptyText: q ? "没有名称含该文字的下级工会" : "没有下级工会" }}
              pagination={{ current: page, pageSize: v.children.pageSize, total: v.children.total, onChange: setPage, size: "small", showSizeChanger: false }}
              title={() => (
                <Flex gap={8} align="center" wrap>
                  <Input.Search
                    placeholder="下级工会名称"
                    allowClear
                    onSearch={(text) => {
                      setPage(1);
                      setQ(text);
                    }}
                    style={{ maxWidth: 240 }}
                    aria-label="下级工会名称"
                  />
                  <Typography.Text type="secondary" data-testid="quota-left">
                    下级 {v.children.total} 个；本级尚余 {count(own.undistributed)} 个可分配
                  </Typography.Text>
                  {/* The split by Excel: at the reader's own union, whose children it sets. */}
                  {can("data.import") && v.path.length === 1 && v.children.items.some((c) => c.editable) ? (
                    <Button size="small" onClick={() => setImporting(true)}>
                      Excel导入分配
                    </Button>
                  ) : null}
                </Flex>
              )}
              columns={[
                {
                  title: "工会",
                  key: "name",
                  render: (_, r) => (
                    <Flex vertical>
                      <span>{r.unionName}</span>
                      {r.childCount > 0 ? (
                        <Typography.Link style={{ fontSize: 12 }} onClick={() => open(r.unionId)}>
                          下级分配({r.childCount}个工会)
                        </Typography.Link>
                      ) : null}
                    </Flex>
                  ),
                },
                {
                  title: "名额",
                  key: "received",
                  render: (_, r) =>
                    r.editable ? <QuotaInput key={`${r.unionId}-${r.received}`} row={r} year={year} label={`${r.unionName}名额`} /> : count(r.received),
                },
                // A union with none below splits nothing: its places are its members'.
                { title: "已下拨", dataIndex: "handedDown", align: "right", responsive: ["md"], render: (n: number, r) => (r.childCount > 0 ? count(n) : "—") },
                { title: "未分配", dataIndex: "undistributed", align: "right", responsive: ["md"], render: (n: number, r) => (r.childCount > 0 ? count(n) : "—") },
                { title: <span style={{ whiteSpace: "nowrap" }}>已使用</span>, dataIndex: "used", align: "right", render: count },
              ]}
            />
          )}
        </Flex>
      )}
      {can("data.import") ? (
        <ImportDrawer kind="recuperationQuotas" open={importing} onClose={() => setImporting(false)} onDone={() => void queryClient.invalidateQueries({ queryKey: recuperationKeys.all })} />
      ) : null}
    </>
  );
}
