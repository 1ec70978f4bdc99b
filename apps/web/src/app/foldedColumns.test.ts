import type { TableColumnType } from "antd";
import { describe, expect, it } from "vitest";
import { cellOf, foldedColumns } from "./foldedColumns";

type Row = { id: string; name: string; phone: string; level: { label: string } };
const columns: TableColumnType<Row>[] = [
  { title: "名称", dataIndex: "name", key: "name" },
  { title: "联系电话", dataIndex: "phone", key: "phone", responsive: ["md"] },
  { title: "等级", dataIndex: ["level", "label"], key: "level", responsive: ["lg"] },
  { title: "状态", key: "status", responsive: ["md"], render: (_, r) => `在库 ${r.id}` },
];
const phone = { xs: true, sm: false, md: false, lg: false, xl: false, xxl: false };
const laptop = { xs: false, sm: true, md: true, lg: true, xl: true, xxl: false };

describe("foldedColumns", () => {
  it("names the columns a 390-px phone hides, and none at 1366 px", () => {
    expect(foldedColumns(columns, phone).map((c) => c.key)).toEqual(["phone", "level", "status"]);
    expect(foldedColumns(columns, laptop)).toEqual([]);
    expect(foldedColumns(columns, {})).toEqual([]);
  });

  it("renders a folded cell as its column would have", () => {
    const row: Row = { id: "7", name: "甲", phone: "0571-****6666", level: { label: "高级技师" } };
    const [tel, level, status] = foldedColumns(columns, phone);
    expect(tel && cellOf(tel, row, 0)).toBe("0571-****6666");
    expect(level && cellOf(level, row, 0)).toBe("高级技师");
    expect(status && cellOf(status, row, 0)).toBe("在库 7");
  });
});
