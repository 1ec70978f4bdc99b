import { EditOutlined } from "@ant-design/icons";
import { agreementCorrectionSchema, agreementSchema, type Agreement } from "@jiangxin/domain";
import { Button } from "antd";
import { useState } from "react";
import { useCan } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { CorrectModal } from "../../corrections/components/CorrectModal";
import { VoidButton } from "../../corrections/components/VoidButton";
import { doneDateRule } from "../../corrections/doneDateRule";
import { agreementQueryKeys } from "../agreementQueryKeys";

const shape = agreementCorrectionSchema.shape;
const agreementPath = (id: string) => `/api/agreements/${encodeURIComponent(id)}`;

/** 更正 (title, dates; the term must still end after it starts) and 作废 of an agreement, for staff. */
export function AgreementCorrectActions({ agreement: a }: { agreement: Agreement }) {
  const can = useCan();
  const [correcting, setCorrecting] = useState(false);
  if (a.voided || !can("agreement.write")) return null;
  return (
    <>
      <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
        更正
      </Button>
      {can("record.void") ? <VoidButton recordPath={agreementPath(a.id)} what="协议" schema={agreementSchema} invalidate={[agreementQueryKeys.all]} /> : null}
      {correcting ? (
        <CorrectModal
          open
          onClose={() => setCorrecting(false)}
          title="更正协议"
          recordPath={agreementPath(a.id)}
          schema={agreementSchema}
          invalidate={[agreementQueryKeys.all]}
          initial={{ title: a.title, signedOn: a.signedOn, startDate: a.startDate, endDate: a.endDate }}
          fields={[
            { name: "title", label: "协议名称", kind: "text", max: 80, rules: [zodRule(shape.title.unwrap(), "请填写协议名称")] },
            { name: "signedOn", label: "签订日期", kind: "date", rules: [doneDateRule("签订日期")] },
            { name: "startDate", label: "开始日期", kind: "date", rules: [{ required: true, message: "请选择开始日期" }] },
            { name: "endDate", label: "结束日期", kind: "date", rules: [{ required: true, message: "请选择结束日期" }] },
          ]}
        />
      ) : null}
    </>
  );
}
