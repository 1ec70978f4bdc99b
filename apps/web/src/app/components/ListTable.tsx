import type { TableProps } from "antd";
import { useIsMobile } from "../useIsMobile";
import type { ListTableProps } from "./ListCard";
import { ResponsiveTable } from "./ResponsiveTable";

type Props<T> = ListTableProps<T> & Omit<TableProps<T>, "dataSource" | "loading" | "pagination" | "locale" | "rowKey">;

/** A list page's table inside ListCard: rows keyed by id, smaller cells on a phone, columns a phone hides reachable by expanding a row. */
export function ListTable<T extends { id: string }>({ items, loading, empty, pagination, ...rest }: Props<T>) {
  const isMobile = useIsMobile();
  return (
    <ResponsiveTable<T>
      rowKey="id"
      size={isMobile ? "small" : "middle"}
      dataSource={items}
      loading={loading}
      locale={{ emptyText: empty }}
      pagination={pagination}
      {...rest}
    />
  );
}
