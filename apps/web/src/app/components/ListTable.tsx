import { Table, type TableProps } from "antd";
import { useIsMobile } from "../useIsMobile";
import type { ListTableProps } from "./ListCard";

type Props<T> = ListTableProps<T> & Omit<TableProps<T>, "dataSource" | "loading" | "pagination" | "locale" | "rowKey">;

/** A list page's plain antd table inside ListCard: rows keyed by id, smaller cells on a phone. */
export function ListTable<T extends { id: string }>({ items, loading, empty, pagination, ...rest }: Props<T>) {
  const isMobile = useIsMobile();
  return (
    <Table<T>
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
