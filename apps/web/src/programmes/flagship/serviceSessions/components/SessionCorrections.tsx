import { EditOutlined } from "@ant-design/icons";
import { serviceSessionCorrectionSchema, serviceSessionSchema, type Problem, type ServiceSession } from "@jiangxin/domain";
import { Alert, Button } from "antd";
import { useState } from "react";
import { useCan } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { CorrectModal } from "../../corrections/components/CorrectModal";
import { expertLabel } from "../../experts/expertLabel";
import { VoidButton } from "../../corrections/components/VoidButton";
import { sessionDateRule } from "../../corrections/doneDateRule";
import { serviceSessionQueryKeys } from "../serviceSessionQueryKeys";
import { teamOwnerGaps } from "../teamOwnerGaps";

const shape = serviceSessionCorrectionSchema.shape;
const sessionPath = (id: string) => `/api/service-sessions/${encodeURIComponent(id)}`;

/** 更正 and 作废 of a session for staff who may write it; nothing while it is voided (history now). */
export function SessionCorrectActions({ session }: { session: ServiceSession }) {
  const can = useCan();
  const [correcting, setCorrecting] = useState(false);
  if (session.voided) return null;
  return (
    <>
      {can("serviceSession.write") ? (
        <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
          更正
        </Button>
      ) : null}
      {can("record.void") ? <VoidButton recordPath={sessionPath(session.id)} what="服务场次" schema={serviceSessionSchema} invalidate={[serviceSessionQueryKeys.all]} /> : null}
      {correcting ? (
        <CorrectModal
          open
          onClose={() => setCorrecting(false)}
          title="更正服务场次"
          recordPath={sessionPath(session.id)}
          schema={serviceSessionSchema}
          invalidate={[serviceSessionQueryKeys.all]}
          initial={{ date: session.date, title: session.title, note: session.note }}
          fields={[
            { name: "date", label: "服务日期", kind: "date", rules: [sessionDateRule()] },
            { name: "title", label: "场次名称", kind: "text", max: 80, rules: [zodRule(shape.title.unwrap(), "请填写场次名称")] },
            { name: "note", label: "备注", kind: "textarea", max: 1000, rules: [zodRule(shape.note.unwrap())] },
          ]}
        />
      ) : null}
    </>
  );
}

/** A warning when a problem's owner is not on the visiting team (a namesake was picked, say). */
export function TeamOwnerWarning({ session, problems }: { session: ServiceSession; problems: Problem[] }) {
  const gaps = teamOwnerGaps(session, problems);
  if (gaps.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={`${gaps.length}个难题的负责专家不在本场次专家团队中`}
      description={gaps.map((p) => `“${p.title}”负责专家：${expertLabel(p.ownerExpertName ?? "", p.ownerExpertDetail)}`).join("；")}
    />
  );
}
