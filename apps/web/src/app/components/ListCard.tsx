import type { UseQueryResult } from "@tanstack/react-query";
import { Card, Empty, type TablePaginationConfig } from "antd";
import { useEffect, type ReactNode } from "react";
import { useIsMobile } from "../useIsMobile";
import { QueryErrorResult } from "./QueryErrorResult";

/** What a list's table is given; the module tables (EnterpriseTable, ProblemTable …) take exactly these. */
export interface ListTableProps<T> {
  items: T[];
  loading: boolean;
  empty: ReactNode;
  pagination: TablePaginationConfig;
}

interface ListCardProps<T> {
  list: UseQueryResult<{ items: T[]; total: number }>;
  /** The page and page size the address asks for. */
  paging: { page: number; pageSize: number };
  onPageChange: (next: { page: number; pageSize: number }, options?: { replace?: boolean }) => void;
  /** The count under the table in the list's own measure word; "共 N 条" unless given. */
  showTotal?: (total: number) => string;
  /** Said when the list has loaded and is empty (the page knows why: filtered, nothing yet …). */
  emptyText: string;
  children: (table: ListTableProps<T>) => ReactNode;
}

/**
 * A list page's table in its card: the error with a retry if the first load failed, else the table,
 * paged by the address. While the first page loads, the empty text is a blank of the same height, so
 * "nothing here" never flashes before the rows arrive.
 */
export function ListCard<T>({ list, paging, onPageChange, showTotal = (total) => `共 ${total} 条`, emptyText, children }: ListCardProps<T>) {
  const isMobile = useIsMobile();
  // A page past the end (an old link, the last row of the last page just removed) would show "nothing
  // here" under a count of rows; go to the last page instead, in place of the address that asked.
  const total = list.data?.total ?? 0;
  const pastEnd = list.isSuccess && !list.isPlaceholderData && list.data.items.length === 0 && total > 0 && paging.page > 1;
  const lastPage = Math.max(1, Math.ceil(total / paging.pageSize));
  useEffect(() => {
    if (pastEnd) onPageChange({ page: lastPage, pageSize: paging.pageSize }, { replace: true });
  }, [pastEnd, lastPage, paging.pageSize, onPageChange]);

  if (list.isError && !list.data) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Card styles={{ body: { padding: 0 } }}>
      {children({
        items: list.data?.items ?? [],
        loading: list.isFetching,
        empty: list.isPending ? <div style={{ height: 120 }} /> : <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />,
        pagination: {
          current: paging.page,
          pageSize: paging.pageSize,
          total,
          // A phone gets the compact pager; the size changer would not fit beside it.
          showSizeChanger: !isMobile,
          simple: isMobile,
          showTotal,
          onChange: (page, pageSize) => onPageChange({ page, pageSize }),
          style: { padding: "0 16px" },
        },
      })}
    </Card>
  );
}
