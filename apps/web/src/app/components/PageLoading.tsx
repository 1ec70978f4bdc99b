import { Card, Skeleton } from "antd";

/** The loading state of a page's main content: shaped like what will appear, so nothing jumps. */
export function PageLoading({ rows = 6 }: { rows?: number }) {
  return (
    <Card>
      <Skeleton active paragraph={{ rows }} />
    </Card>
  );
}
