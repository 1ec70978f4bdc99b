import { applicationStatuses, applicationStatusLabels, type ReviewOutcome, type UpskillingApplication } from "@jiangxin/domain";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Grid, Input, Modal, Segmented, Select, Table, Tag, Typography, type TableColumnsType } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { AttachmentPanel } from "../../../app/attachments";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { decide, listApplications, upskillingKeys, type ListQuery } from "../api";
import { StatusTag } from "../StatusTag";

/**
 * 审核: applications within the reader's region or union; "待我审核" lists what waits at the reader's
 * own step, ranked as the overflow rule ranks them (priority groups, then submission time). Rows are
 * approved or rejected in batches; a rejection needs a reason, which the applicant reads.
 */
export function ReviewPage() {
  const can = useCan();
  const mayReview = can("upskilling.review");
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [query, setQuery] = useState<ListQuery>({ page: 1, pageSize: 20, mine: mayReview && !params.get("status") ? "true" : undefined, status: params.get("status") ?? undefined });
  const [selected, setSelected] = useState<string[]>([]);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [outcome, setOutcome] = useState<ReviewOutcome | null>(null);
  const list = useQuery({ queryKey: upskillingKeys.list(query), queryFn: ({ signal }) => listApplications(query, signal), placeholderData: keepPreviousData });
  const mutation = useMutation({
    mutationFn: decide,
    onSuccess: async (result, input) => {
      setOutcome(result);
      setSelected([]);
      setRejecting(false);
      setReason("");
      void message.success(`${input.decision === "approve" ? "通过" : "不通过"} ${result.done.length} 条${result.skipped.length > 0 ? `，${result.skipped.length} 条未处理` : ""}`);
      await queryClient.invalidateQueries({ queryKey: upskillingKeys.all });
    },
    onError: (e) => void message.error(errorMessage(e)),
  });

  // On a phone the level and status ride under the applicant's name: the table keeps its row expand
  // for the certificate photo, so columns are not folded into it.
  const phone = !Grid.useBreakpoint().sm;
  const columns: TableColumnsType<UpskillingApplication> = [
    {
      title: "申请人",
      key: "who",
      // A set width lets the number · county · union line wrap; unset, the table (max-content) grew as
      // wide as that line and pushed 补助 and 状态 off a phone's screen.
      width: phone ? 230 : 320,
      render: (_, a) => (
        <div>
          {a.personName} {a.priorityGroups.map((g) => <Tag key={g} color="gold">{g}</Tag>)}
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>
            {a.number} · {a.countyName} · {a.unionName}
          </Typography.Text>
          {phone ? (
            <div style={{ marginTop: 4 }}>
              {a.levelLabel} <StatusTag app={a} withStage />
            </div>
          ) : null}
        </div>
      ),
    },
    { title: "补助", key: "level", responsive: ["sm"], render: (_, a) => <div>{a.levelLabel}<Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>证书 {a.certificateNumber}</Typography.Text></div> },
    { title: "提交时间", key: "at", width: 150, responsive: ["md"], render: (_, a) => dayjs(a.submittedAt).format("YYYY-MM-DD HH:mm") },
    { title: "状态", key: "status", width: 170, responsive: ["sm"], render: (_, a) => <div><StatusTag app={a} withStage />{a.reason ? <Typography.Text type="secondary" style={{ display: "block", fontSize: 12 }}>{a.reason}</Typography.Text> : null}</div> },
  ];

  return (
    <>
      <PageHeader title="补助审核" description="基层工会初审 → 县级工会审核 → 市总工会审定；市级审定按公布的规则(优先群体在先，再按提交时间)在名额内通过。" />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={12} wrap align="center">
          {mayReview ? (
            <Segmented
              value={query.mine === "true" ? "mine" : "all"}
              options={[{ value: "mine", label: "待我审核" }, { value: "all", label: "全部" }]}
              onChange={(v) => setQuery({ ...query, page: 1, mine: v === "mine" ? "true" : undefined, status: undefined })}
            />
          ) : null}
          <Select
            allowClear
            placeholder="状态"
            style={{ width: 140 }}
            value={query.status}
            disabled={query.mine === "true"}
            options={applicationStatuses.map((s) => ({ value: s, label: applicationStatusLabels[s] }))}
            onChange={(status?: string) => setQuery({ ...query, page: 1, status })}
          />
          <Input.Search allowClear placeholder="姓名、证书编号或申请编号" style={{ width: 240 }} onSearch={(q) => setQuery({ ...query, page: 1, q: q || undefined })} />
          {mayReview ? (
            <Flex gap={8} wrap>
              <Button type="primary" disabled={selected.length === 0} loading={mutation.isPending && !rejecting} onClick={() => mutation.mutate({ ids: selected, decision: "approve", reason: null })}>
                批量通过{selected.length > 0 ? `(${selected.length})` : ""}
              </Button>
              <Button danger disabled={selected.length === 0} onClick={() => setRejecting(true)}>
                批量不通过
              </Button>
            </Flex>
          ) : null}
        </Flex>
      </Card>
      {outcome && outcome.skipped.length > 0 ? (
        <Alert
          type="warning"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          style={{ marginBottom: 16 }}
          title={`${outcome.skipped.length} 条未处理`}
          description={<ul style={{ margin: 0, paddingLeft: 20 }}>{outcome.skipped.map((s) => <li key={s.id}>{s.number ?? s.id}：{s.reason}</li>)}</ul>}
        />
      ) : null}
      {list.isError ? (
        <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <Table<UpskillingApplication>
            rowKey="id"
            size="middle"
            loading={list.isFetching}
            dataSource={list.data?.items ?? []}
            columns={columns}
            scroll={{ x: "max-content" }}
            expandable={{
              expandedRowRender: (a) => <AttachmentPanel ownerKind="upskilling.application" ownerId={a.id} title="证书照片" canUpload={false} emptyText="申请人未上传证书照片" compact />,
              expandRowByClick: false,
            }}
            rowSelection={mayReview ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]), getCheckboxProps: (a) => ({ disabled: a.status !== "pending" }) } : undefined}
            pagination={{ current: query.page, pageSize: query.pageSize, total: list.data?.total ?? 0, showTotal: (n) => `共 ${n} 条`, onChange: (page, pageSize) => setQuery({ ...query, page, pageSize }) }}
            locale={{ emptyText: query.mine === "true" ? "没有等待您审核的申请" : "没有符合条件的申请" }}
          />
        </Card>
      )}
      <Modal
        title={`不通过 ${selected.length} 条申请`}
        open={rejecting}
        okText="确定不通过"
        okButtonProps={{ danger: true, disabled: reason.trim() === "", loading: mutation.isPending }}
        onOk={() => mutation.mutate({ ids: selected, decision: "reject", reason: reason.trim() })}
        onCancel={() => setRejecting(false)}
      >
        <Typography.Paragraph>理由会显示给申请人，请写明原因(如：证书编号与学信网登记不符)。</Typography.Paragraph>
        <Input.TextArea rows={3} count={{ show: true, max: 200 }} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </>
  );
}
