import { linkProblemsInputSchema, sessionLinkableStatuses, trades, type ServiceSession } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Checkbox, Drawer, Empty, Flex, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../../app/ApiError";
import { DrawerFooter } from "../../../../app/components/DrawerFooter";
import { useIsMobile } from "../../../../app/useIsMobile";
import { listProblems } from "../../problems/api";
import { expertLabel } from "../../experts/expertLabel";
import { ProblemStatusTag } from "../../problems/components/ProblemStatusTag";
import { problemQueryKeys } from "../../problems/problemQueryKeys";
import { linkProblems } from "../api";
import { candidatePageSize, linkCandidates, type LinkCandidates } from "../linkCandidates";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";

interface LinkProblemsDrawerProps {
  open: boolean;
  session: ServiceSession;
  onClose: () => void;
}

/** One page per visited enterprise and linkable status: the list API filters by one status at a time. */
async function fetchCandidates(session: ServiceSession, signal: AbortSignal): Promise<LinkCandidates> {
  const pages = await Promise.all(
    session.enterprises.flatMap((e) =>
      sessionLinkableStatuses.map((status) => listProblems({ enterpriseId: e.id, status, page: 1, pageSize: candidatePageSize }, signal)),
    ),
  );
  return linkCandidates(pages, session.enterprises.map((e) => e.id));
}

/**
 * 关联已有难题: the visited enterprises' problems waiting for a visit (已受理 / 已匹配专家) and on no
 * session yet, picked several at a time and put on this session's lists in one all-or-nothing call.
 */
export function LinkProblemsDrawer({ open, session, onClose }: LinkProblemsDrawerProps) {
  const isMobile = useIsMobile();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const candidates = useQuery({
    queryKey: serviceSessionQueryKeys.linkCandidates(session.id),
    queryFn: ({ signal }) => fetchCandidates(session, signal),
    enabled: open,
  });

  const mutation = useMutation({
    mutationFn: (problemIds: string[]) => linkProblems(session.id, { problemIds }),
    onSuccess: async (linked) => {
      void message.success(`已将${linked}个难题纳入本场次`);
      setPicked([]);
      onClose();
      await Promise.all([queryClient.invalidateQueries({ queryKey: serviceSessionQueryKeys.all }), queryClient.invalidateQueries({ queryKey: problemQueryKeys.all })]);
    },
    onError: (failure) => {
      // The server names the problem that no longer fits (moved or taken by another session meanwhile).
      setError(failure instanceof ApiError ? (failure.fields.problemIds ?? errorMessage(failure)) : errorMessage(failure));
      void candidates.refetch();
    },
  });

  function submit() {
    const parsed = linkProblemsInputSchema.safeParse({ problemIds: picked });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "请选择难题");
      return;
    }
    mutation.mutate(parsed.data.problemIds);
  }

  function close() {
    setError(null);
    onClose();
  }

  const manyFirms = session.enterprises.length > 1;
  let body;
  if (candidates.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (candidates.isError) {
    body = (
      <Alert
        type="error"
        showIcon
        title="可关联的难题加载失败"
        description={errorMessage(candidates.error)}
        action={
          <Button size="small" onClick={() => void candidates.refetch()}>
            重试
          </Button>
        }
      />
    );
  } else if (candidates.data.items.length === 0) {
    body = <Empty description="本场次服务的企业暂无可关联的难题（须为已受理或已匹配专家，且未纳入其他场次）" />;
  } else {
    const { items, truncated } = candidates.data;
    body = (
      <>
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          以下为本场次服务企业已受理或已匹配专家、尚未纳入任何场次的难题，可多选。
        </Typography.Paragraph>
        {truncated ? <Alert type="warning" showIcon title={`某企业待服务难题超过${candidatePageSize}个，仅列出最早的${candidatePageSize}个`} style={{ marginBottom: 12 }} /> : null}
        <Checkbox.Group
          value={picked}
          onChange={(values) => {
            setPicked(values);
            setError(null);
          }}
          disabled={mutation.isPending}
          style={{ width: "100%" }}
        >
          <Flex vertical gap={8} style={{ width: "100%" }}>
            {items.map((p) => (
              <Checkbox
                key={p.id}
                value={p.id}
                style={{ width: "100%", padding: "8px 12px", border: "1px solid #f0f0f0", borderRadius: 6, alignItems: "flex-start" }}
              >
                <Typography.Text strong style={{ display: "block" }}>
                  {p.title}
                </Typography.Text>
                <Flex wrap gap={4} align="center" style={{ marginTop: 4 }}>
                  <ProblemStatusTag status={p.status} />
                  <Tag style={{ marginInlineEnd: 0 }}>{trades[p.trade]}</Tag>
                  {p.ownerExpertName ? <Typography.Text type="secondary">负责：{expertLabel(p.ownerExpertName, p.ownerExpertDetail)}</Typography.Text> : null}
                  {manyFirms ? <Typography.Text type="secondary">{p.enterpriseName}</Typography.Text> : null}
                </Flex>
              </Checkbox>
            ))}
          </Flex>
        </Checkbox.Group>
      </>
    );
  }

  return (
    <Drawer
      title="关联已有难题"
      open={open}
      onClose={close}
      size={isMobile ? "100%" : 560}
      // Nothing to pick (loading, failed, none waiting): no button that could only fail.
      footer={
        candidates.data && candidates.data.items.length > 0 ? (
          <Flex align="center" justify="space-between" gap={8}>
            <Typography.Text type="secondary">已选 {picked.length} 个</Typography.Text>
            <DrawerFooter size="large" saveLabel="关联到本场次" onCancel={close} onSave={submit} saving={mutation.isPending} />
          </Flex>
        ) : null
      }
    >
      {body}
      {error ? <Alert type="error" showIcon title={error} role="alert" style={{ marginTop: 12 }} /> : null}
    </Drawer>
  );
}
