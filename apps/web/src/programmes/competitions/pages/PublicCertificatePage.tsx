import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Form, Input, Result } from "antd";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { competitionsApi } from "../api";

/** 证书查验 (公众服务): what the certificate's QR code opens; or type the number and check code printed beside it. */
export function PublicCertificatePage() {
  const { no = "" } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const k = params.get("k") ?? "";
  const q = useQuery({ queryKey: ["public", "certificate", no, k], enabled: no !== "", queryFn: () => competitionsApi.checkCertificate(no, k) });
  return (
    <PublicLayout title="浙江金蓝领证书查验">
      {no === "" || !k ? (
        <Card>
          <Form layout="vertical" onFinish={(v: { no: string; k: string }) => void navigate(`/public/certificates/${encodeURIComponent(v.no.trim())}?k=${encodeURIComponent(v.k.trim())}`)}>
            <Form.Item name="no" label="证书编号" rules={[{ required: true, message: "请输入证书编号" }]} initialValue={no || undefined}>
              <Input placeholder="ZJJLL-2025-0001" />
            </Form.Item>
            <Form.Item name="k" label="查验码(二维码中)" rules={[{ required: true, message: "请输入查验码" }]}>
              <Input />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              查验
            </Button>
          </Form>
        </Card>
      ) : q.data?.valid ? (
        <Card>
          <Result icon={<CheckCircleFilled style={{ color: "#52c41a" }} />} title="证书有效" subTitle={`证书编号 ${q.data.certificateNo}`} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label="姓名">{q.data.personName}</Descriptions.Item>
            <Descriptions.Item label="竞赛">{q.data.competitionName}</Descriptions.Item>
            <Descriptions.Item label="赛项">{q.data.eventName}</Descriptions.Item>
            <Descriptions.Item label="认定日期">{q.data.approvedOn}</Descriptions.Item>
            <Descriptions.Item label="认定单位">浙江省总工会</Descriptions.Item>
          </Descriptions>
        </Card>
      ) : q.data ? (
        <Result icon={<CloseCircleFilled style={{ color: "#cf1322" }} />} title="查无此证" subTitle={`编号 ${q.data.certificateNo} 与查验码不符或未经认定，请核对`} />
      ) : (
        <Card loading />
      )}
    </PublicLayout>
  );
}
