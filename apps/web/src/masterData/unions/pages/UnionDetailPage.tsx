import { ArrowLeftOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { enterpriseSizeLabels, isFederationKind, unionKindLabels } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { App, Breadcrumb, Button, Card, Descriptions, Result, Space, type DescriptionsProps } from "antd";
import { ResponsiveTable } from "../../../app/components/ResponsiveTable";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useRegionScope } from "../../../app/regions/useRegionScope";
import { useCan } from "../../../app/session";
import { getUnion } from "../api";
import { UnionFormDrawer } from "../components/UnionFormDrawer";
import { UnionKindTag, UnionTable } from "../components/UnionTable";
import { unionQueryKeys } from "../unionQueryKeys";

export function UnionDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const can = useCan();
  const { message } = App.useApp();
  const { scope } = useRegionScope();
  const [drawer, setDrawer] = useState<"edit" | "child" | null>(null);
  const union = useQuery({ queryKey: unionQueryKeys.detail(id), queryFn: ({ signal }) => getUnion(id, signal) });

  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate("/unions") : navigate(-1))}>
      返回
    </Button>
  );
  if (union.isPending) return <PageLoading rows={8} />;
  if (union.isError) {
    const error = union.error;
    const notFound = error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields));
    if (notFound) {
      return (
        <Result
          status="404"
          title="未找到该工会组织"
          subTitle="该工会组织不存在，或不在您的管辖范围内。"
          extra={
            <Link to="/unions">
              <Button type="primary">返回工会组织列表</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={union.error} onRetry={() => void union.refetch()} />;
  }

  const u = union.data;
  const canWrite = can("union.write");
  const items: DescriptionsProps["items"] = [
    { key: "kind", label: "类别", children: <Space size={4}>{unionKindLabels[u.kind]}{u.formation ? <UnionKindTag union={u} /> : null}</Space> },
    { key: "region", label: "所在区划", children: u.regionName },
    { key: "parent", label: "上级工会", children: u.parentId ? <Link to={`/unions/${u.parentId}`}>{u.parentName}</Link> : "—" },
    { key: "founded", label: "成立日期", children: u.foundedOn ?? "未填" },
    { key: "chair", label: "工会主席", children: u.chairName ?? "未填" },
    { key: "members", label: "会员人数", children: u.memberCount.toLocaleString("zh-CN") },
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[...u.ancestors.map((a) => ({ key: a.id, title: <Link to={`/unions/${a.id}`}>{a.name}</Link> })), { key: u.id, title: u.name }]}
      />
      <PageHeader
        title={u.name}
        description={`${u.regionName} · ${unionKindLabels[u.kind]}`}
        extra={
          <>
            {back}
            {canWrite ? (
              <Button icon={<EditOutlined />} onClick={() => setDrawer("edit")}>
                修改
              </Button>
            ) : null}
            {canWrite ? (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setDrawer("child")}>
                新建下级工会
              </Button>
            ) : null}
          </>
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} size="middle" />
      </Card>
      {isFederationKind(u.kind) ? null : (
        <Card title={`覆盖企业（${u.enterprises.length}）`} style={{ marginBottom: 16 }}>
          <ResponsiveTable<(typeof u.enterprises)[number]>
            rowKey="id"
            size="small"
            dataSource={u.enterprises}
            pagination={u.enterprises.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            locale={{ emptyText: u.formation === "coverage" ? "覆盖建会的工会可不列企业" : "还没有登记覆盖的企业" }}
            scroll={{ x: "max-content" }}
            columns={[
              { title: "企业名称", dataIndex: "name", render: (name: string, e) => (can("enterprise.read") ? <Link to={`/enterprises/${e.id}`}>{name}</Link> : name) },
              { title: "统一社会信用代码", dataIndex: "uscc", responsive: ["md"], render: (c: string) => <span style={{ fontFamily: "monospace" }}>{c}</span> },
              { title: "规模", dataIndex: "size", width: 60, render: (s: string) => enterpriseSizeLabels[s as keyof typeof enterpriseSizeLabels] ?? s },
              { title: "所在县区", dataIndex: "countyName", width: 90, responsive: ["md"] },
            ]}
          />
        </Card>
      )}
      <Card title={`下级工会（${u.childCount.toLocaleString("zh-CN")}）`} extra={u.childCount > u.children.length ? <Link to={`/unions?parentId=${u.id}`}>查看全部</Link> : null}>
        <UnionTable items={u.children} loading={false} pagination={u.children.length > 10 ? { pageSize: 10, showSizeChanger: false } : false} empty="没有下级工会" />
      </Card>
      {canWrite ? (
        <UnionFormDrawer
          open={drawer !== null}
          scope={scope}
          union={drawer === "edit" ? u : undefined}
          parent={drawer === "child" ? { id: u.id, name: u.name } : undefined}
          onClose={() => setDrawer(null)}
          onSaved={(saved) => {
            setDrawer(null);
            void message.success(drawer === "edit" ? "已保存" : `已新建“${saved.name}”`);
            if (drawer === "child") void navigate(`/unions/${saved.id}`);
          }}
        />
      ) : null}
    </>
  );
}
