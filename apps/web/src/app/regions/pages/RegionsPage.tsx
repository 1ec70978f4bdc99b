import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Card, DatePicker, Flex, Input, Switch, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { PageHeader } from "../../components/PageHeader";
import { PageLoading } from "../../components/PageLoading";
import { QueryErrorResult } from "../../components/QueryErrorResult";
import { useSession } from "../../session";
import { fetchRegionTree } from "../api";
import { RegionTable } from "../components/RegionTable";
import { filterRegionTree, parentCodes } from "../filterRegionTree";
import { countiesIn, findRegionPath } from "../regionTree";

const dateFormat = "YYYY-MM-DD";

export function RegionsPage() {
  const { user } = useSession();
  const [on, setOn] = useState<Dayjs>(() => dayjs());
  const [priorityOnly, setPriorityOnly] = useState(false);
  const [text, setText] = useState("");
  // null until the user expands or collapses something: until then the tree opens at their own region.
  const [expanded, setExpanded] = useState<string[] | null>(null);
  const onText = on.format(dateFormat);

  const tree = useQuery({
    queryKey: ["regions", "tree", onText],
    queryFn: ({ signal }) => fetchRegionTree(onText, signal),
    // Keep showing the previous date's tree while the next one loads, so the table does not blink.
    placeholderData: keepPreviousData,
    staleTime: 10 * 60_000,
  });

  const filtering = priorityOnly || text.trim() !== "";
  const filtered = useMemo(
    () => (tree.data ? filterRegionTree(tree.data, { priorityOnly, text }) : null),
    [tree.data, priorityOnly, text],
  );

  const counts = useMemo(() => {
    if (!tree.data) return null;
    const counties = countiesIn(tree.data);
    return {
      cities: tree.data.children.length,
      counties: counties.length,
      mountainous: counties.filter((county) => county.priority.includes("mountainous")).length,
      island: counties.filter((county) => county.priority.includes("island")).length,
    };
  }, [tree.data]);

  const defaultExpanded = useMemo(() => {
    if (!tree.data) return [];
    const path = findRegionPath(tree.data, user.regionCode ?? tree.data.code);
    // Open down to the user's region, and the region itself so a city sees its counties.
    return path.filter((node) => node.children.length > 0).map((node) => node.code);
  }, [tree.data, user.regionCode]);

  const expandedKeys = expanded ?? defaultExpanded;

  function applyFilter(next: { priorityOnly?: boolean; text?: string }) {
    const nextPriority = next.priorityOnly ?? priorityOnly;
    const nextText = next.text ?? text;
    setPriorityOnly(nextPriority);
    setText(nextText);
    // A filtered result is short, so show it opened out; clearing the filter returns to the default view.
    const nextFiltering = nextPriority || nextText.trim() !== "";
    setExpanded(nextFiltering && tree.data ? parentCodes(tree.data) : null);
  }

  return (
    <>
      <PageHeader
        title="行政区划"
        description={
          counts
            ? `浙江省 ${counts.cities} 个设区市、${counts.counties} 个县级单位；截至 ${onText}，山区县 ${counts.mountainous} 个、海岛县 ${counts.island} 个。`
            : "浙江省设区市与县(市、区)，标注山区县、海岛县。"
        }
      />
      <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
        <Flex gap={16} wrap align="center">
          <Flex gap={8} align="center">
            <Typography.Text>名单日期</Typography.Text>
            <DatePicker
              value={on}
              allowClear={false}
              format={dateFormat}
              onChange={(value: Dayjs | null) => {
                if (value) setOn(value);
              }}
            />
          </Flex>
          <Flex gap={8} align="center">
            <Switch checked={priorityOnly} onChange={(checked) => applyFilter({ priorityOnly: checked })} aria-label="只看重点县" />
            <Typography.Text>只看重点县</Typography.Text>
          </Flex>
          <Input.Search
            allowClear
            placeholder="名称或区划代码"
            style={{ maxWidth: 260 }}
            onSearch={(value) => applyFilter({ text: value })}
          />
        </Flex>
        <Typography.Paragraph type="secondary" style={{ margin: "12px 0 0", fontSize: 12 }}>
          山区县、海岛县名单会随政策调整；选择日期可查看当日适用的名单。
        </Typography.Paragraph>
      </Card>
      {tree.isPending ? (
        <PageLoading rows={10} />
      ) : tree.isError && !tree.data ? (
        <QueryErrorResult error={tree.error} onRetry={() => void tree.refetch()} />
      ) : (
        <Card styles={{ body: { padding: 0 } }}>
          <RegionTable
            tree={filtered}
            ownCode={user.regionCode}
            expandedKeys={expandedKeys}
            onExpandedChange={setExpanded}
            loading={tree.isFetching}
            emptyText={filtering ? "没有符合条件的县(市、区)，请调整筛选条件" : "暂无区划数据"}
          />
        </Card>
      )}
    </>
  );
}
