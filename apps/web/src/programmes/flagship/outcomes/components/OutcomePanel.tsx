import { CheckCircleOutlined, PlusOutlined } from "@ant-design/icons";
import type { Outcome } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Button, Card, Empty, Flex, List, Skeleton, Tag, Typography } from "antd";
import { useState } from "react";
import { AttachmentPanel } from "../../../../app/attachments";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { useCan, useSession } from "../../../../app/session";
import { mayAttach } from "../../attachments/mayAttach";
import { listOutcomes } from "../api";
import { outcomeQueryKeys } from "../outcomeQueryKeys";
import { formatYuanExact, formatYuanScaled, sumYuan, yuanToFen } from "../../../../app/yuan";
import { OutcomeFormModal } from "./OutcomeFormModal";
import { VerifyOutcomeModal } from "./VerifyOutcomeModal";

export interface OutcomePanelProps {
  problemId?: string;
  agreementId?: string;
}

/** "1,250,000.00 元（125万元）": exact first, the report's scale after it once it is large enough to misread. */
function money(yuan: string): string {
  const fen = yuanToFen(yuan) ?? 0n;
  const scaled = formatYuanScaled(yuan);
  return fen >= 1_000_000n ? `${formatYuanExact(yuan)} 元（${scaled.value}${scaled.unit}）` : `${formatYuanExact(yuan)} 元`;
}

function OutcomeItem({ outcome, onVerify, canAttach }: { outcome: Outcome; onVerify?: () => void; canAttach: boolean }) {
  const verified = outcome.status === "verified";
  const facts = [
    outcome.laborIntensityReductionPct !== null ? `劳动强度降低 ${outcome.laborIntensityReductionPct}%` : null,
    outcome.failureRateReductionPct !== null ? `设备故障率降低 ${outcome.failureRateReductionPct}%` : null,
    `${outcome.estimatedOn} 登记`,
    outcome.verifiedOn ? `${outcome.verifiedOn} 核实` : null,
  ].filter((fact): fact is string => fact !== null);
  return (
    <List.Item
      actions={
        onVerify && !verified
          ? [
              <Button key="verify" size="small" icon={<CheckCircleOutlined />} onClick={onVerify}>
                核实
              </Button>,
            ]
          : undefined
      }
    >
      <div style={{ minWidth: 0 }}>
        <Flex gap={8} wrap align="center">
          {verified ? <Tag color="success">已核实</Tag> : <Tag color="orange">预估</Tag>}
          <Typography.Text>预估 {money(outcome.economicBenefitYuan)}</Typography.Text>
          {outcome.verifiedBenefitYuan !== null ? <Typography.Text strong>核实 {money(outcome.verifiedBenefitYuan)}</Typography.Text> : null}
        </Flex>
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 4, fontSize: 13 }}>
          {facts.join(" · ")}
        </Typography.Text>
        {outcome.note ? <Typography.Paragraph style={{ margin: "4px 0 0" }}>{outcome.note}</Typography.Paragraph> : null}
        <AttachmentPanel compact ownerKind="flagship.outcome" ownerId={outcome.id} title="佐证材料" canUpload={canAttach} emptyText="暂无佐证材料" style={{ marginTop: 8 }} />
      </div>
    </List.Item>
  );
}

/**
 * The outcomes (成效) of one problem or one agreement: economic benefit estimated and verified apart,
 * labour-intensity and failure-rate reductions. Recording and verifying follow the user's permissions.
 * Renders its own Card, so a detail page adds it with one line.
 */
export function OutcomePanel({ problemId, agreementId }: OutcomePanelProps) {
  const subject = { problemId, agreementId };
  const can = useCan();
  const { user } = useSession();
  const { message } = App.useApp();
  const [recording, setRecording] = useState(false);
  const [verifying, setVerifying] = useState<Outcome | null>(null);
  const hasSubject = Boolean(problemId) !== Boolean(agreementId);
  const outcomes = useQuery({
    queryKey: outcomeQueryKeys.list(subject),
    queryFn: ({ signal }) => listOutcomes(subject, signal),
    enabled: hasSubject && can("outcome.read"),
  });
  if (!can("outcome.read") || !hasSubject) return null;

  const canWrite = can("outcome.write");
  const canVerify = can("outcome.verify");
  const items = outcomes.data ?? [];
  const estimatedTotal = sumYuan(items.map((o) => o.economicBenefitYuan));
  const verifiedTotal = sumYuan(items.map((o) => o.verifiedBenefitYuan));

  let body;
  if (outcomes.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (outcomes.isError) body = <QueryErrorResult error={outcomes.error} onRetry={() => void outcomes.refetch()} title="成效加载失败" />;
  else if (items.length === 0)
    body = (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={canWrite ? "尚未登记成效。取得成效后，可点击“登记预估成效”填写经济效益等" : "尚未登记成效"}
      />
    );
  else
    body = (
      <>
        <Flex gap="4px 24px" wrap style={{ marginBottom: 4 }}>
          <Typography.Text>
            预估合计 <Typography.Text strong>{money(estimatedTotal)}</Typography.Text>
          </Typography.Text>
          <Typography.Text>
            已核实合计 <Typography.Text strong>{money(verifiedTotal)}</Typography.Text>
          </Typography.Text>
        </Flex>
        <List
          itemLayout="horizontal"
          dataSource={items}
          rowKey="id"
          renderItem={(outcome) => <OutcomeItem outcome={outcome} onVerify={canVerify ? () => setVerifying(outcome) : undefined} canAttach={mayAttach(user.role)} />}
        />
      </>
    );

  return (
    <Card
      title="成效"
      style={{ marginTop: 16 }}
      extra={
        canWrite ? (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setRecording(true)}>
            登记预估成效
          </Button>
        ) : null
      }
    >
      {body}
      {canWrite ? (
        <OutcomeFormModal
          open={recording}
          subject={subject}
          onClose={() => setRecording(false)}
          onRecorded={() => {
            setRecording(false);
            void message.success("已登记预估成效");
          }}
        />
      ) : null}
      {canVerify ? (
        <VerifyOutcomeModal
          outcome={verifying}
          onClose={() => setVerifying(null)}
          onVerified={() => {
            setVerifying(null);
            void message.success("已核实成效");
          }}
        />
      ) : null}
    </Card>
  );
}
