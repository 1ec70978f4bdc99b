import { Alert } from "antd";
import type { ReactNode } from "react";
import { LoadErrorBoundary } from "./LoadErrorBoundary";

/** A lazily loaded chart or map whose code failed to download: an alert in its place, the page stays. */
export function ChartBoundary({ children }: { children: ReactNode }) {
  return <LoadErrorBoundary fallback={<Alert type="error" showIcon title="图表加载失败" description="网络可能中断，请刷新页面重试；页面上的数字和表格不受影响。" />}>{children}</LoadErrorBoundary>;
}
