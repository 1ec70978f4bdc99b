import { Descriptions, Grid, Table, Typography, type TableColumnType, type TableProps } from "antd";
import type { ReactNode } from "react";
import { cellOf, foldedColumns, titleText } from "../foldedColumns";

/**
 * antd's Table, but columns it hides on a narrow screen (their `responsive` breakpoints) are never
 * out of reach: each row expands (the ⊕ at its start) to show them as label–value pairs, and a line
 * above the table says which columns are folded away. Every list (through ListTable) and the other
 * tables with phone-hidden columns use it, so a phone user can still read an enterprise's phone, an
 * expert's level and status, or an agreement's dates.
 */
export function ResponsiveTable<T extends object>(props: TableProps<T>) {
  const screens = Grid.useBreakpoint();
  // Through unknown: comparing antd's column union types directly costs the type checker minutes.
  const columns = (props.columns ?? []) as unknown as TableColumnType<T>[];
  // Before the first measurement every breakpoint reads false; fold nothing rather than everything.
  const hidden = props.expandable ? [] : foldedColumns(columns, screens);
  // A phone table wider than the screen scrolls sideways: say so, the edge alone does not.
  const scrolls = Object.values(screens).some(Boolean) && !screens.md && props.scroll?.x !== undefined;
  if (hidden.length === 0 && !scrolls) return <Table<T> {...props} />;
  const names = hidden.map((c) => titleText(c.title)).filter(Boolean);
  const hints = [
    hidden.length > 0 ? `手机上已收起${names.length > 0 ? `「${names.join("」「")}」` : "部分"}列，点每行左侧的 ⊕ 展开查看` : "",
    scrolls ? "左右滑动查看更多" : "",
  ].filter(Boolean);
  const hint = (
    <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, padding: "6px 12px" }} data-testid="folded-columns-hint">
      {hints.join("；")}
    </Typography.Text>
  );
  if (hidden.length === 0) {
    return (
      <>
        {hint}
        <Table<T> {...props} />
      </>
    );
  }
  return (
    <>
      {hint}
      <Table<T>
        {...props}
        expandable={{
          columnWidth: 32,
          expandedRowRender: (row, index) => (
            <Descriptions
              size="small"
              column={1}
              items={hidden.map((c, i) => ({ key: String(c.key ?? i), label: c.title as ReactNode, children: cellOf(c, row, index) }))}
            />
          ),
        }}
      />
    </>
  );
}
