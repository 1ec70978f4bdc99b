import { ReloadOutlined, UserOutlined } from "@ant-design/icons";
import { priorityKindLabels, skillLevelLabels, type ExpertSuggestion } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Avatar, Button, Empty, Flex, List, Skeleton, Tag, Tooltip, Typography } from "antd";
import { Link } from "react-router-dom";
import { errorMessage } from "../../../../app/ApiError";
import { useIsMobile } from "../../../../app/useIsMobile";
import { expertQueryKeys, HonourTags, tradeName } from "../../../../masterData/experts";
import { listSuggestions } from "../api";

export interface ExpertSuggestionsProps {
  /** The problem to suggest experts for; the server answers only staff over its county. */
  problemId: string;
  /** When given, each row gets a button that calls it with the expert's id (and the whole suggestion). */
  onPick?: (expertId: string, suggestion: ExpertSuggestion) => void;
  /** The button's words; "指派" by default. */
  pickLabel?: string;
  /** Marks this expert's row (e.g. the current owner) and disables its button. */
  pickedExpertId?: string | null;
  /** Disables every pick button, e.g. while the assignment is being saved. */
  picking?: boolean;
}

/** The reasons as tags, in the order the summary sentence gives them. */
function ReasonTags({ s }: { s: ExpertSuggestion }) {
  const r = s.reasons;
  const e = s.expert;
  return (
    <Flex wrap gap={4}>
      {r.tradeMatch ? (
        <Tag color="green">工种对口</Tag>
      ) : (
        <Tooltip title={`专长：${e.trades.map(tradeName).join("、")}`}>
          <Tag>工种不对口</Tag>
        </Tooltip>
      )}
      <Tag color="purple">{skillLevelLabels[r.skillLevel]}</Tag>
      <Tag color="blue">{r.distanceKm === null ? "距离未知" : r.distanceKm < 1 ? "本县专家" : `距离${Math.round(r.distanceKm)}公里`}</Tag>
      <Tag color={r.capacityLeft <= 1 ? "orange" : "cyan"}>
        在办{r.openProblems}/{e.maxOpenProblems}
      </Tag>
      {r.helpedBefore ? <Tag color="gold">曾服务该企业</Tag> : null}
      {r.priorityKinds.map((kind) => (
        <Tag key={kind} color="volcano">
          {priorityKindLabels[kind]}优先
        </Tag>
      ))}
    </Flex>
  );
}

/**
 * Ranked experts for a problem with the reasons for each (trade match, skill level, distance, load,
 * helped this enterprise before, priority county). Used in the problem page's "指派专家" dialog.
 */
export function ExpertSuggestions({ problemId, onPick, pickLabel = "指派", pickedExpertId, picking }: ExpertSuggestionsProps) {
  const isMobile = useIsMobile();
  const suggestions = useQuery({
    queryKey: expertQueryKeys.suggestions(problemId),
    queryFn: ({ signal }) => listSuggestions(problemId, signal),
  });

  if (suggestions.isPending) return <Skeleton active avatar paragraph={{ rows: 4 }} />;
  if (suggestions.isError) {
    return (
      <Alert
        type="error"
        showIcon
        title="推荐专家加载失败"
        description={errorMessage(suggestions.error)}
        action={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void suggestions.refetch()}>
            重试
          </Button>
        }
      />
    );
  }
  if (suggestions.data.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无可派专家：专家库中在库、可派出且未满负荷的专家都不在了" />;
  }

  return (
    <List<ExpertSuggestion>
      itemLayout="horizontal"
      dataSource={suggestions.data}
      renderItem={(s, index) => {
        const picked = pickedExpertId === s.expert.id;
        return (
          <List.Item
            key={s.expert.id}
            style={picked ? { background: "#f6ffed", paddingInline: 8 } : undefined}
            actions={
              onPick
                ? [
                    <Button
                      key="pick"
                      type={index === 0 && !picked ? "primary" : "default"}
                      size="small"
                      disabled={picked || picking}
                      onClick={() => onPick(s.expert.id, s)}
                    >
                      {picked ? "当前负责" : pickLabel}
                    </Button>,
                  ]
                : undefined
            }
          >
            <List.Item.Meta
              avatar={
                <Tooltip title={`推荐分 ${s.score}：${s.summary}`}>
                  <Avatar style={{ background: index < 3 ? "#c41d1d" : "#bfbfbf" }} icon={index < 3 ? undefined : <UserOutlined />}>
                    {index < 3 ? index + 1 : null}
                  </Avatar>
                </Tooltip>
              }
              title={
                <Flex wrap gap={8} align="baseline">
                  <Link to={`/experts/${s.expert.id}`} target="_blank">
                    {s.expert.name}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.expert.homeCountyName} · {s.expert.employer}
                  </Typography.Text>
                </Flex>
              }
              description={
                <Flex vertical gap={4}>
                  <ReasonTags s={s} />
                  <HonourTags honours={s.expert.honours} max={isMobile ? 1 : 2} />
                </Flex>
              }
            />
          </List.Item>
        );
      }}
    />
  );
}
