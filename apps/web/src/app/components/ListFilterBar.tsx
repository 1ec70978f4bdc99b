import { Card, Flex } from "antd";
import type { ReactNode } from "react";

/**
 * The filters above a list page's table (search box, region, selects), wrapping onto more rows on a
 * phone. With useUrlListState (filters in the address), ListCard (the paged table) and ListTable it is
 * the frame every list page is built from; the page keeps only its filters and columns.
 */
export function ListFilterBar({ children }: { children: ReactNode }) {
  return (
    <Card style={{ marginBottom: 16 }} styles={{ body: { padding: 16 } }}>
      <Flex gap={12} wrap>
        {children}
      </Flex>
    </Card>
  );
}
