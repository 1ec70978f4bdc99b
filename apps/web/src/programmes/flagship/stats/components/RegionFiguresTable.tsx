import { priorityKindLabels, type StatsByRegion, type StatsRegionRow } from "@jiangxin/domain";
import { Button, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { benefitCard, countCards } from "../../indicators/indicatorCards";
import { compareChinese } from "../../../../app/chineseOrder";
import { YuanText } from "./YuanText";
import type { FigureKey } from "../statsFigures";

interface RegionFiguresTableProps {
  data: StatsByRegion;
  /** The figure the map is shaded by; on a phone it is the one figure column shown. */
  figure: FigureKey;
  compact: boolean;
  onSelect: (code: string) => void;
}

const numberCell = (n: number) => n.toLocaleString("zh-CN");

/** One row per city (or county) with the six figures; the name opens that region. Sorted by any figure. */
export function RegionFiguresTable({ data, figure, compact, onSelect }: RegionFiguresTableProps) {
  const countColumns: ColumnsType<StatsRegionRow> = countCards.map((card) => ({
    key: card.key,
    title: `${card.title}(${card.unit})`,
    dataIndex: card.key,
    align: "right",
    sorter: (a, b) => a[card.key] - b[card.key],
    render: numberCell,
  }));
  const moneyColumns: ColumnsType<StatsRegionRow> = [
    {
      key: "benefitEstimatedYuan",
      title: `${benefitCard.title}·预估(万元)`,
      dataIndex: "benefitEstimatedYuan",
      align: "right",
      sorter: (a, b) => Number(a.benefitEstimatedYuan) - Number(b.benefitEstimatedYuan),
      render: (yuan: string) => <YuanText yuan={yuan} />,
    },
    {
      key: "benefitVerifiedYuan",
      title: `${benefitCard.title}·已核实(万元)`,
      dataIndex: "benefitVerifiedYuan",
      align: "right",
      sorter: (a, b) => Number(a.benefitVerifiedYuan) - Number(b.benefitVerifiedYuan),
      render: (yuan: string) => <YuanText yuan={yuan} />,
    },
  ];
  const figureColumns = [...countColumns, ...moneyColumns];
  const columns: ColumnsType<StatsRegionRow> = [
    {
      key: "name",
      title: data.depth === "children" && data.rows[0]?.level === "city" ? "设区市" : "县(市、区)",
      dataIndex: "name",
      fixed: compact ? undefined : "left",
      sorter: (a, b) => compareChinese(a.name, b.name),
      render: (name: string, row) => (
        <>
          <Button type="link" size="small" style={{ padding: 0, height: "auto" }} onClick={() => onSelect(row.code)}>
            {name}
          </Button>
          {row.priority.map((kind) => (
            <Tag key={kind} color={kind === "mountainous" ? "green" : "orange"} style={{ marginLeft: 4, marginInlineEnd: 0, fontSize: 11, lineHeight: "16px", paddingInline: 4 }}>
              {priorityKindLabels[kind].replace("县", "")}
            </Tag>
          ))}
        </>
      ),
    },
    // A phone shows the figure the map is coloured by; the rest are a tap on the switch away.
    ...(compact ? figureColumns.filter((c) => c.key === figure) : figureColumns),
  ];

  return (
    <Table<StatsRegionRow>
      rowKey="code"
      size="small"
      columns={columns}
      dataSource={data.rows}
      pagination={false}
      scroll={compact ? undefined : { x: 1000 }}
      onRow={(row) => ({ onClick: () => onSelect(row.code), style: { cursor: "pointer" } })}
      locale={{ emptyText: "该区域下没有可统计的下级区域" }}
      summary={() => (
        <Table.Summary fixed>
          <Table.Summary.Row style={{ fontWeight: 600 }}>
            <Table.Summary.Cell index={0}>
              <Typography.Text strong>合计</Typography.Text>
            </Table.Summary.Cell>
            {(compact ? figureColumns.filter((c) => c.key === figure) : figureColumns).map((column, i) => {
              const key = column.key as FigureKey | "benefitVerifiedYuan";
              const value = data.total[key];
              return (
                <Table.Summary.Cell key={String(key)} index={i + 1} align="right">
                  {typeof value === "number" ? numberCell(value) : <YuanText yuan={value} />}
                </Table.Summary.Cell>
              );
            })}
          </Table.Summary.Row>
        </Table.Summary>
      )}
    />
  );
}
