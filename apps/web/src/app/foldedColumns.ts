import type { Breakpoint, TableColumnType } from "antd";
import type { ReactNode } from "react";

type Screens = Partial<Record<Breakpoint, boolean>>;

/**
 * The columns a screen of this width hides (antd drops a column whose `responsive` breakpoints are
 * all off). Before the first measurement every breakpoint reads false: fold nothing, not everything.
 */
export function foldedColumns<T>(columns: readonly TableColumnType<T>[], screens: Screens): TableColumnType<T>[] {
  if (!Object.values(screens).some(Boolean)) return [];
  return columns.filter((c) => c.responsive && !c.responsive.some((bp) => screens[bp]) && c.key !== "actions");
}

/** The cell a column would have shown: its render, else the value under its dataIndex. */
export function cellOf<T>(column: TableColumnType<T>, row: T, index: number): ReactNode {
  // Through unknown: antd types dataIndex as a recursive path of T, which the checker cannot narrow in reasonable time.
  const index0: unknown = column.dataIndex;
  const path: unknown[] = index0 === undefined ? [] : Array.isArray(index0) ? index0 : [index0];
  let value: unknown = row;
  for (const key of path) value = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[String(key)];
  if (column.render) {
    const rendered: unknown = column.render(value, row, index);
    // A render may return cell props ({ children, props }) for row spans; the children are the content.
    if (isCellProps(rendered)) return rendered.children;
    return rendered as ReactNode;
  }
  return value === null || value === undefined || value === "" ? "—" : (value as ReactNode);
}

function isCellProps(v: unknown): v is { children: ReactNode } {
  if (v === null || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return "children" in o && "props" in o && !("$$typeof" in o);
}

export const titleText = (title: unknown): string => (typeof title === "string" ? title : "");

