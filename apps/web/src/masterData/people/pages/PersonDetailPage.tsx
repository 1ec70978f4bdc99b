import { ArrowLeftOutlined, EditOutlined, EyeOutlined } from "@ant-design/icons";
import { gigPlatformLabels, personCategoryLabels, skillLevelLabels, type Membership, type MembershipDecision } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Card, Descriptions, Popconfirm, Result, Space, Tag, Typography, type DescriptionsProps, type TableColumnsType } from "antd";
import { ResponsiveTable } from "../../../app/components/ResponsiveTable";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { decideMembership, getPerson, getPersonResidentId, peopleQueryKeys } from "../api";
import { MembershipStatusTag } from "../components/MembershipStatusTag";
import { PersonFormDrawer } from "../components/PersonFormDrawer";
import { useRegionScope } from "../../../app/regions/useRegionScope";

/** The full ID number on an explicit click only; each read is logged by the server. */
function ResidentIdReveal({ personId, masked }: { personId: string; masked: string }) {
  const can = useCan();
  const reveal = useMutation({ mutationFn: () => getPersonResidentId(personId) });
  return (
    <Space wrap size={4}>
      <Typography.Text style={{ fontFamily: "monospace" }}>{reveal.data ?? masked}</Typography.Text>
      {can("person.readPersonal") && !reveal.data ? (
        <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
          查看全号(留痕)
        </Button>
      ) : null}
      {reveal.isError ? <Typography.Text type="danger">{errorMessage(reveal.error)}</Typography.Text> : null}
    </Space>
  );
}

export function PersonDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const { scope } = useRegionScope();
  const [editing, setEditing] = useState(false);
  const person = useQuery({ queryKey: peopleQueryKeys.detail(id), queryFn: ({ signal }) => getPerson(id, signal) });
  const decide = useMutation({
    mutationFn: ({ membershipId, body }: { membershipId: string; body: MembershipDecision }) => decideMembership(membershipId, body),
    onSuccess: async (m) => {
      void message.success(m.status === "active" ? "已确认入会" : "已处理");
      await queryClient.invalidateQueries({ queryKey: peopleQueryKeys.all });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/people") : navigate(-1))}>
      返回
    </Button>
  );

  if (person.isPending) return <PageLoading rows={8} />;
  if (person.isError) {
    const error = person.error;
    if (error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields))) {
      return <Result status="404" title="未找到该职工" subTitle="该职工不存在，或不在您的管辖范围内。" extra={<Link to="/people"><Button type="primary">返回职工列表</Button></Link>} />;
    }
    return <QueryErrorResult error={error} onRetry={() => void person.refetch()} />;
  }

  const p = person.data;
  const items: DescriptionsProps["items"] = [
    { key: "name", label: "姓名", children: p.name },
    { key: "id", label: "身份证号", children: <ResidentIdReveal personId={p.id} masked={p.residentIdMasked} /> },
    { key: "phone", label: "手机号", children: p.phoneMasked ?? "—" },
    { key: "county", label: "工作所在地", children: `${p.cityName} ${p.countyName}` },
    { key: "employer", label: "工作单位", children: p.enterpriseId ? <Link to={`/enterprises/${p.enterpriseId}`}>{p.employerName}</Link> : (p.employerName ?? "—") },
    { key: "occupation", label: "职业(工种)", children: p.occupation ?? "—" },
    { key: "skill", label: "技能等级", children: p.skillLevel ? skillLevelLabels[p.skillLevel] : "—" },
    { key: "categories", label: "类别", children: p.categories.map((c) => <Tag key={c}>{personCategoryLabels[c]}</Tag>) },
    ...(p.platforms.length ? [{ key: "platforms", label: "所在平台", children: p.platforms.map((x) => gigPlatformLabels[x]).join("、") }] : []),
    ...(p.expertId ? [{ key: "expert", label: "劳模工匠库", children: <Link to={`/experts/${p.expertId}`}>查看专家档案</Link> }] : []),
    { key: "account", label: "注册账号", children: p.hasAccount ? "已注册(可登录查看“我的”)" : "未注册" },
    { key: "created", label: "登记时间", children: dayjs(p.createdAt).format("YYYY-MM-DD") },
  ];

  const act = (m: Membership, status: MembershipDecision["status"]) => decide.mutate({ membershipId: m.id, body: { status } });
  const columns: TableColumnsType<Membership> = [
    { title: "工会", dataIndex: "unionName", key: "union" },
    { title: "状态", key: "status", width: 110, render: (_, m) => <MembershipStatusTag status={m.status} /> },
    { title: "入会日期", dataIndex: "since", key: "since", width: 110, render: (v: string | null) => v ?? "—" },
    { title: "终止日期", dataIndex: "until", key: "until", width: 110, responsive: ["md"], render: (v: string | null) => v ?? "—" },
    { title: "申请时间", dataIndex: "requestedAt", key: "requested", width: 120, responsive: ["md"], render: (v: string) => dayjs(v).format("YYYY-MM-DD") },
    { title: "说明", dataIndex: "note", key: "note", responsive: ["lg"], render: (v: string | null) => v ?? "" },
    {
      title: "办理",
      key: "actions",
      width: 170,
      render: (_, m) =>
        !can("membership.decide") ? null : m.status === "pending" ? (
          <Space size={4} wrap>
            <Button size="small" type="primary" loading={decide.isPending} onClick={() => act(m, "active")}>
              确认入会
            </Button>
            <Popconfirm title="不予通过该入会申请？" onConfirm={() => act(m, "declined")}>
              <Button size="small">不予通过</Button>
            </Popconfirm>
          </Space>
        ) : m.status === "active" ? (
          <Space size={4} wrap>
            <Popconfirm title="办理转出？" onConfirm={() => act(m, "transferred")}>
              <Button size="small">转出</Button>
            </Popconfirm>
            <Popconfirm title="办理退会？" onConfirm={() => act(m, "left")}>
              <Button size="small">退会</Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title={p.name}
        description="职工信息；身份证号、手机号脱敏显示，查看全号的操作记入审计日志。"
        extra={
          <>
            {can("person.write") ? (
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
                修改
              </Button>
            ) : null}
            {back}
          </>
        }
      />
      <Card title="基本信息" style={{ marginBottom: 16 }}>
        <Descriptions items={items} column={{ xs: 1, md: 2 }} size="small" />
      </Card>
      <Card title="会籍记录" extra={<MembershipStatusTag status={p.membership?.status} />}>
        <ResponsiveTable<Membership> rowKey="id" size="small" columns={columns} dataSource={p.memberships} pagination={false} scroll={{ x: "max-content" }} locale={{ emptyText: "尚未加入工会" }} />
      </Card>
      {can("person.write") ? (
        <PersonFormDrawer
          open={editing}
          editing={p}
          scope={scope}
          onClose={() => setEditing(false)}
          onCreated={() => {
            setEditing(false);
            void message.success("已保存");
          }}
          onFound={(other) => {
            setEditing(false);
            void navigate(`/people/${other}`);
          }}
        />
      ) : null}
    </>
  );
}
