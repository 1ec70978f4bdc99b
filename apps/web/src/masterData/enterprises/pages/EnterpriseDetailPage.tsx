import { ArrowLeftOutlined, EditOutlined } from "@ant-design/icons";
import { enterpriseSizeLabels, industrySections } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Descriptions, Result, Space, Tag, Typography, type DescriptionsProps } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { AddressLinks } from "../../../app/components/AddressLinks";
import { PageHeader } from "../../../app/components/PageHeader";
import { PageLoading } from "../../../app/components/PageLoading";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { getEnterprise } from "../api";
import { ContactPhoneReveal } from "../components/ContactPhoneReveal";
import { EnterpriseCorrectDrawer } from "../components/EnterpriseCorrectDrawer";
import { EnterpriseCorrections } from "../components/EnterpriseCorrections";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

export function EnterpriseDetailPage() {
  const { id = "" } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  // An expert opens the firms it serves but has no list of firms to go back to.
  const can = useCan();
  const listPath = can("enterprise.read") ? "/enterprises" : "/";
  const [correcting, setCorrecting] = useState(false);
  const enterprise = useQuery({
    queryKey: enterpriseQueryKeys.detail(id),
    queryFn: ({ signal }) => getEnterprise(id, signal),
  });

  const back = (
    // Going back keeps the list's filters; opened from a link or bookmark there is nothing to go back to.
    <Button icon={<ArrowLeftOutlined />} onClick={() => void (location.key === "default" ? navigate(listPath) : navigate(-1))}>
      返回
    </Button>
  );

  if (enterprise.isPending) return <PageLoading rows={8} />;
  if (enterprise.isError) {
    // The server answers 404 both for a missing record and one outside the user's region, by design;
    // a malformed id in the address (rejected as a bad path parameter) is just as much "not found".
    const error = enterprise.error;
    const notFound = error instanceof ApiError && (error.code === "NOT_FOUND" || (error.code === "VALIDATION_FAILED" && "id" in error.fields));
    if (notFound) {
      return (
        <Result
          status="404"
          title="未找到该企业"
          subTitle="该企业不存在，或不在您的管辖范围内。"
          extra={
            <Link to={listPath}>
              <Button type="primary">{listPath === "/" ? "返回首页" : "返回企业列表"}</Button>
            </Link>
          }
        />
      );
    }
    return <QueryErrorResult error={enterprise.error} onRetry={() => void enterprise.refetch()} />;
  }

  const e = enterprise.data;
  const items: DescriptionsProps["items"] = [
    { key: "name", label: "企业名称", children: e.name, span: "filled" },
    {
      key: "uscc",
      label: "统一社会信用代码",
      children: (
        <Typography.Text copyable style={{ fontFamily: "monospace" }}>
          {e.uscc}
        </Typography.Text>
      ),
    },
    { key: "industry", label: "行业门类", children: `${e.industry} ${industrySections[e.industry]}` },
    { key: "region", label: "所在地区", children: `${e.cityName} ${e.countyName}` },
    {
      key: "address",
      label: "详细地址",
      span: "filled",
      children: <AddressLinks address={e.address} cityName={e.cityName} countyName={e.countyName} countyCode={e.countyCode} />,
    },
    { key: "size", label: "企业规模", children: enterpriseSizeLabels[e.size] },
    { key: "nonPublic", label: "企业性质", children: e.nonPublic ? <Tag color="orange">非公企业</Tag> : <Tag>公有制企业</Tag> },
    { key: "contactName", label: "联系人", children: e.contactName },
    { key: "contactPhone", label: "联系电话", children: <ContactPhoneReveal enterpriseId={e.id} masked={e.contactPhoneMasked} /> },
    { key: "createdAt", label: "登记时间", children: dayjs(e.createdAt).format("YYYY-MM-DD HH:mm") },
  ];

  return (
    <>
      <PageHeader
        title={e.name}
        description={`${e.cityName} ${e.countyName}`}
        extra={
          <Space wrap>
            {back}
            {/* Staff of the firm's county; the server refuses anyone else (404 outside the region). */}
            {can("enterprise.write") ? (
              <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
                更正
              </Button>
            ) : null}
          </Space>
        }
      />
      <Card>
        <Descriptions bordered column={{ xs: 1, sm: 1, md: 2 }} items={items} size="middle" />
      </Card>
      <EnterpriseCorrections enterpriseId={e.id} />
      {can("enterprise.write") ? <EnterpriseCorrectDrawer key={JSON.stringify(e)} enterprise={e} open={correcting} onClose={() => setCorrecting(false)} /> : null}
    </>
  );
}
