import { BellOutlined, TeamOutlined } from "@ant-design/icons";
import { personCategoryLabels, skillLevelLabels } from "@jiangxin/domain";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Descriptions, Empty, Flex, List, Result, Skeleton, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { Link } from "react-router-dom";
import { errorMessage } from "../../../app/ApiError";
import { PageHeader } from "../../../app/components/PageHeader";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { useCan } from "../../../app/session";
import { MembershipStatusTag } from "../../../masterData/people";
import { fetchMyItems, fetchMyProfile, meQueryKeys, requestToJoin } from "../api";

/**
 * 我的 (a worker's own page): their record as the unions hold it (masked), their membership and its
 * history, the union proposed to them while they have none, their applications and registrations in
 * every programme, and a way to their notifications.
 */
export function MePage() {
  const can = useCan();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: meQueryKeys.profile, queryFn: ({ signal }) => fetchMyProfile(signal) });
  const items = useQuery({ queryKey: meQueryKeys.items, queryFn: ({ signal }) => fetchMyItems(signal) });
  const join = useMutation({
    mutationFn: requestToJoin,
    onSuccess: async (m) => {
      void message.success(`已向“${m.unionName}”提交入会申请，请等待工会确认`);
      await queryClient.invalidateQueries({ queryKey: meQueryKeys.profile });
    },
  });

  if (profile.isPending) return <Skeleton active />;
  if (profile.isError) return <QueryErrorResult error={profile.error} onRetry={() => void profile.refetch()} />;
  const { person, proposals } = profile.data;
  if (!person) return <Result status="info" title="账号未关联职工信息" subTitle="请联系所在工会核实您的职工登记信息。" />;

  return (
    <>
      <PageHeader title="我的" description="本人职工信息(身份证号、手机号脱敏显示)、会籍与各项目中的申请。" />
      <Flex vertical gap={16}>
        <Card title={<span><TeamOutlined /> 会籍</span>} extra={<MembershipStatusTag status={person.membership?.status} />}>
          {person.membership ? (
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: "union", label: "所在工会", children: person.membership.unionName },
                { key: "status", label: "状态", children: <MembershipStatusTag status={person.membership.status} /> },
                {
                  key: "since",
                  label: person.membership.status === "active" ? "入会日期" : "申请时间",
                  children: person.membership.since ?? dayjs(person.membership.requestedAt).format("YYYY-MM-DD"),
                },
              ]}
            />
          ) : (
            <Flex vertical gap={12}>
              <Typography.Text>您还没有加入工会。</Typography.Text>
              {proposals.map((p) => (
                <Alert
                  key={p.unionId}
                  type="info"
                  showIcon
                  title={`推荐加入：${p.unionName}`}
                  description={`推荐依据：${p.reason}。提交后由工会确认。`}
                  action={
                    <Button type="primary" loading={join.isPending} onClick={() => join.mutate({ unionId: p.unionId })}>
                      申请入会
                    </Button>
                  }
                />
              ))}
              {join.isError ? <Alert type="error" showIcon title={errorMessage(join.error)} /> : null}
            </Flex>
          )}
          {person.memberships.length > 1 ? (
            <Timeline
              style={{ marginTop: 16 }}
              items={person.memberships.map((m) => ({
                key: m.id,
                children: (
                  <span>
                    {m.unionName} <MembershipStatusTag status={m.status} /> {m.since ?? ""}
                    {m.until ? ` 至 ${m.until}` : ""}
                  </span>
                ),
              }))}
            />
          ) : null}
        </Card>
        <Card title="个人信息">
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "name", label: "姓名", children: person.name },
              { key: "id", label: "身份证号", children: <span style={{ fontFamily: "monospace" }}>{person.residentIdMasked}</span> },
              { key: "phone", label: "手机号", children: person.phoneMasked ?? "—" },
              { key: "county", label: "工作所在地", children: `${person.cityName} ${person.countyName}` },
              { key: "employer", label: "工作单位", children: person.employerName ?? "—" },
              { key: "occupation", label: "职业(工种)", children: person.occupation ?? "—" },
              { key: "skill", label: "技能等级", children: person.skillLevel ? skillLevelLabels[person.skillLevel] : "—" },
              { key: "categories", label: "类别", children: person.categories.map((c) => <Tag key={c}>{personCategoryLabels[c]}</Tag>) },
            ]}
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            信息有误请联系所在工会更正。
          </Typography.Text>
        </Card>
        <Card title="我的申请与报名">
          {items.isPending ? (
            <Skeleton active paragraph={{ rows: 2 }} />
          ) : items.isError ? (
            <QueryErrorResult error={items.error} onRetry={() => void items.refetch()} />
          ) : items.data.length === 0 ? (
            <Empty description="暂无申请或报名记录" />
          ) : (
            <List
              dataSource={items.data}
              renderItem={(i) => (
                <List.Item extra={<Tag>{i.status}</Tag>}>
                  <List.Item.Meta title={i.link ? <Link to={i.link}>{i.title}</Link> : i.title} description={`${i.programmeName}${i.date ? ` · ${i.date}` : ""}`} />
                </List.Item>
              )}
            />
          )}
        </Card>
        {can("inbox.read") ? (
          <Card title={<span><BellOutlined /> 消息通知</span>}>
            <Link to="/inbox">查看待办与消息</Link>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
