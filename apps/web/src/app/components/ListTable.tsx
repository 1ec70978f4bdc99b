import type { TablePaginationConfig, TableProps } from "antd";
import { useIsMobile } from "../useIsMobile";
import type { ListTableProps } from "./ListCard";
import { ResponsiveTable } from "./ResponsiveTable";

// A table shown whole (a union's few sub-unions on its page) passes pagination={false}.
type Props<T> = Omit<ListTableProps<T>, "pagination"> & { pagination?: TablePaginationConfig | false } & Omit<TableProps<T>, "dataSource" | "loading" | "pagination" | "locale" | "rowKey">;

/** A list page's table inside ListCard (and the master-data tables built on it): rows keyed by id, smaller cells on a phone, columns a phone hides reachable by expanding a row. */
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
