import { trainingCorrectionSchema, trainingSchema, type Training } from "@jiangxin/domain";
import { Button, Flex, Tag, Tooltip } from "antd";
import { useState } from "react";
import { useCan } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { CorrectModal } from "../../corrections/components/CorrectModal";
import { VoidButton } from "../../corrections/components/VoidButton";
import { doneDateRule } from "../../corrections/doneDateRule";
import { trainingQueryKeys } from "../trainingQueryKeys";

const shape = trainingCorrectionSchema.shape;
const trainingPath = (id: string) => `/api/trainings/${encodeURIComponent(id)}`;

/** A training row's 更正 / 作废 (staff), or its 已作废 tag with the reason on hover. */
export function TrainingCorrectActions({ training: t }: { training: Training }) {
  const can = useCan();
  const [correcting, setCorrecting] = useState(false);
  if (t.voided) {
    return (
      <Tooltip title={`作废理由：${t.voided.reason}（${t.voided.byName}）`}>
        <Tag>已作废</Tag>
      </Tooltip>
    );
  }
  if (!can("training.write")) return null;
  return (
    <Flex gap={4} wrap>
      <Button size="small" onClick={() => setCorrecting(true)}>
        更正
      </Button>
      {can("record.void") ? <VoidButton size="small" recordPath={trainingPath(t.id)} what="培训" schema={trainingSchema} invalidate={[trainingQueryKeys.all]} /> : null}
      {correcting ? (
        <CorrectModal
          open
          onClose={() => setCorrecting(false)}
          title="更正培训"
          recordPath={trainingPath(t.id)}
          schema={trainingSchema}
          invalidate={[trainingQueryKeys.all]}
          initial={{ date: t.date, topic: t.topic, trainees: t.trainees }}
          fields={[
            { name: "date", label: "培训日期", kind: "date", rules: [doneDateRule("培训日期")] },
            { name: "topic", label: "培训主题", kind: "text", max: 80, rules: [zodRule(shape.topic.unwrap(), "请填写培训主题")] },
            { name: "trainees", label: "培训人次", kind: "count", suffix: "人次", rules: [zodRule(shape.trainees.unwrap(), "请填写培训人次")] },
          ]}
        />
      ) : null}
    </Flex>
  );
}
