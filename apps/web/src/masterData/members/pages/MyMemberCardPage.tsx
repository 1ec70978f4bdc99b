import { IdcardOutlined, SwapOutlined } from "@ant-design/icons";
import { gigPlatformLabels, gigPlatforms, memberTransferSchema, type MemberTransfer } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, Form, Input, QRCode, Result, Select, Skeleton, Table, Tag, Timeline, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { formErrorOf } from "../../../app/applyFieldErrors";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { CountyPicker } from "../../../app/regions/components/CountyPicker";
import { useRegionTree } from "../../../app/regions/useRegionTree";
import { zodRule } from "../../../app/zodRule";
import { fetchMyMembership, memberQueryKeys, requestTransfer } from "../api";

const statusColor: Record<string, string> = { active: "green", transferred: "orange", lapsed: "default", left: "default" };

/**
 * 我的会员证: the electronic member card (member number and a QR that opens the public check page),
 * the union periods as one member's history, the member's own 9+X ledger, and 转会 (a new platform or
 * city: the same member, a transfer request to the union proposed there).
 */
export function MyMemberCardPage() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: memberQueryKeys.mine, queryFn: ({ signal }) => fetchMyMembership(signal) });
  const regions = useRegionTree();
  const [form] = Form.useForm<MemberTransfer>();
  const [moving, setMoving] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const transfer = useMutation({
    mutationFn: requestTransfer,
    onSuccess: async (r) => {
      void message.success(r.pending ? `已申请转入“${r.unionName}”，等待新工会确认；会员号不变` : `已转入“${r.unionName}”`);
      setMoving(false);
      await queryClient.invalidateQueries({ queryKey: memberQueryKeys.mine });
    },
    onMutate: () => setFormError(null),
    onError: (err) => setFormError(formErrorOf(form, err, ["countyCode", "platform", "employerName", "occupation"])),
  });

  if (mine.isPending) return <Skeleton active />;
  if (mine.isError) return <QueryErrorResult error={mine.error} onRetry={() => void mine.refetch()} />;
  const { member, card, ledger, hint } = mine.data;
  const checkUrl = card ? `${window.location.origin}${card.checkPath}` : "";

  return (
    <>
      <PageHeader title="我的会员证" description="电子会员证可出示给合作食堂、驿站或工会核验；更换平台或工作城市时办理转会，会员号不变。" />
      <Flex vertical gap={16}>
        {!member ? (
          <Result status="info" title="暂无会员证" subTitle={hint ?? ""} extra={<Link to="/me"><Button type="primary">去申请入会</Button></Link>} />
        ) : (
          <>
            <Card
              title={<span><IdcardOutlined /> 浙江省工会会员证</span>}
              extra={<Tag color={statusColor[member.status]}>{member.statusLabel}</Tag>}
              styles={{ body: { background: "linear-gradient(135deg, #fff5f5 0%, #fff 60%)" } }}
            >
              <Flex gap={16} wrap align="center">
                {card ? <QRCode value={checkUrl} size={148} bordered={false} /> : null}
                <Descriptions
                  size="small"
                  column={1}
                  style={{ flex: "1 1 180px" }}
                  items={[
                    { key: "name", label: "姓名", children: member.name },
                    { key: "no", label: "会员号", children: <span data-testid="member-no" style={{ fontFamily: "monospace" }}>{card?.memberNo ?? member.memberNo ?? "—"}</span> },
                    { key: "union", label: "所在工会", children: member.unionName ?? "转会中，等待新工会确认" },
                    { key: "joined", label: "入会日期", children: member.joinedOn },
                    { key: "where", label: "工作所在地", children: member.countyName },
                  ]}
                />
              </Flex>
              {hint ? <Alert style={{ marginTop: 12 }} type="warning" showIcon title={hint} /> : null}
              {card ? (
                <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
                  扫码核验只显示脱敏姓名、会员号与会籍状态。<Link to={card.checkPath}>打开核验页</Link>
                </Typography.Paragraph>
              ) : null}
            </Card>

            <Card title="会籍记录" extra={member.status === "active" && !moving ? <Button icon={<SwapOutlined />} onClick={() => setMoving(true)}>转会</Button> : null}>
              {moving ? (
                <Form<MemberTransfer>
                  form={form}
                  layout="vertical"
                  initialValues={{ platform: null, employerName: "", occupation: "" }}
                  onFinish={(v) => transfer.mutate(v)}
                  style={{ marginBottom: 16 }}
                >
                  <Form.Item name="countyCode" label="新的工作所在县(市、区)" rules={[{ required: true, message: "请选择新的工作所在县(市、区)" }]}>
                    <CountyPicker scope={regions.data ?? null} />
                  </Form.Item>
                  <Form.Item name="platform" label="所在平台(新就业形态劳动者填写)">
                    <Select allowClear placeholder="不在平台工作可不填" options={gigPlatforms.map((p) => ({ value: p, label: gigPlatformLabels[p] }))} />
                  </Form.Item>
                  <Form.Item name="employerName" label="工作单位" rules={[zodRule(memberTransferSchema.shape.employerName)]}>
                    <Input count={{ show: true, max: 100 }} />
                  </Form.Item>
                  <Form.Item name="occupation" label="职业(工种)" rules={[zodRule(memberTransferSchema.shape.occupation)]}>
                    <Input count={{ show: true, max: 40 }} />
                  </Form.Item>
                  {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
                  <Flex gap={8}>
                    <Button type="primary" htmlType="submit" loading={transfer.isPending}>提交转会</Button>
                    <Button onClick={() => setMoving(false)}>取消</Button>
                  </Flex>
                </Form>
              ) : null}
              <Timeline
                items={member.periods.map((p, i) => ({
                  key: i,
                  color: p.status === "active" ? "green" : p.status === "pending" ? "blue" : "gray",
                  children: (
                    <span>
                      {p.unionName} <Tag>{p.statusLabel}</Tag> {p.since ?? ""}
                      {p.until ? ` 至 ${p.until}` : ""}
                    </span>
                  ),
                }))}
              />
            </Card>
          </>
        )}
        <Card title="我的普惠服务台账">
          {ledger.length === 0 ? (
            <Empty description="暂无普惠服务记录" />
          ) : (
            <Table
              size="small"
              rowKey="id"
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              dataSource={ledger}
              scroll={{ x: "max-content" }}
              columns={[
                { title: "日期", dataIndex: "occurredOn" },
                { title: "服务项目", dataIndex: "itemName" },
                { title: "说明", dataIndex: "note", render: (v: string | null) => v ?? "—" },
              ]}
            />
          )}
        </Card>
      </Flex>
    </>
  );
}
