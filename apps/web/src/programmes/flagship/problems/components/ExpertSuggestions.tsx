import { ReloadOutlined, UserOutlined } from "@ant-design/icons";
import { priorityKindLabels, skillLevelLabels, type ExpertSuggestion } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, Avatar, Button, Empty, Flex, Input, List, Segmented, Skeleton, Tag, Tooltip, Typography } from "antd";
import { useState, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { errorMessage } from "../../../../app/ApiError";
import { useIsMobile } from "../../../../app/useIsMobile";
import { expertQueryKeys, HonourTags, tradeName } from "../../../../masterData/experts";
import { expertDetailOfRow } from "../../experts/expertLabel";
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
      <Tag color="blue">{r.distanceKm === null ? "距离未知" : r.distanceKm < 1 ? "本县专家 · 0公里" : `距离${Math.round(r.distanceKm)}公里`}</Tag>
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
 * helped this enterprise before, priority county). Used in the problem page's "指派专家" dialog. Above
 * the list: a name search (any assignable expert, however they rank) and 推荐顺序 / 距离最近.
 */
export function ExpertSuggestions(props: ExpertSuggestionsProps) {
  const [q, setQ] = useState("");
  const [sort, setSort] = useState<"score" | "distance">("score");
  return (
    <Flex vertical gap={12}>
      <Flex wrap gap={8}>
        <Input.Search allowClear placeholder="按姓名或工作单位查找专家" enterButton="查找" style={{ flex: "1 1 220px" }} onSearch={(text) => setQ(text.trim())} />
        <Segmented<"score" | "distance">
          value={sort}
          onChange={setSort}
          options={[
            { value: "score", label: "推荐顺序" },
            { value: "distance", label: "距离最近" },
          ]}
        />
      </Flex>
      <SuggestionList {...props} q={q} sort={sort} />
    </Flex>
  );
}

function SuggestionList({ problemId, onPick, pickLabel = "指派", pickedExpertId, picking, q, sort }: ExpertSuggestionsProps & { q: string; sort: "score" | "distance" }) {
  const isMobile = useIsMobile();
  const searching = q !== "" || sort === "distance";
  const suggestions = useQuery({
    // Under the suggestions prefix, so a write that invalidates suggestions refreshes these too.
    queryKey: [...expertQueryKeys.suggestions(problemId), q, sort],
    queryFn: ({ signal }) => listSuggestions(problemId, signal, { q: q || undefined, sort }),
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
    const why: ReactNode = q ? `没有姓名或单位含“${q}”的可派专家（在库、可派出且未满负荷）` : "暂无可派专家：专家库中在库、可派出且未满负荷的专家都不在了";
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={why} />;
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
                      type={index === 0 && !picked && !searching ? "primary" : "default"}
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
                  <Avatar style={{ background: index < 3 && !searching ? "#c41d1d" : "#bfbfbf" }} icon={index < 3 && !searching ? undefined : <UserOutlined />}>
                    {index < 3 && !searching ? index + 1 : null}
                  </Avatar>
                </Tooltip>
              }
              title={
                <Flex wrap gap={8} align="baseline">
                  <Link to={`/experts/${s.expert.id}`} target="_blank">
                    {s.expert.name}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {expertDetailOfRow(s.expert)}
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
