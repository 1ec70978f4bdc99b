import { DownloadOutlined } from "@ant-design/icons";
import { App, Button } from "antd";
import { useState } from "react";
import { ApiError } from "../../../app/ApiError";
import { downloadFile } from "../api";

type QueryValue = string | number | boolean | undefined | null;

/** Exports what the list shows: same filters, every page. Page and page size are the screen's business. */
export function ExportButton({ url, query, label = "导出Excel", size }: { url: string; query: Record<string, QueryValue>; label?: string; size?: "small" }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null && v !== "" && k !== "page" && k !== "pageSize") params.set(k, String(v));
  const href = params.size > 0 ? `${url}?${params.toString()}` : url;
  return (
    <Button
      icon={<DownloadOutlined />}
      size={size}
      loading={busy}
      onClick={() => {
        setBusy(true);
        downloadFile(href)
          .catch((err: unknown) => void message.error(err instanceof ApiError ? err.message : "导出失败，请重试"))
          .finally(() => setBusy(false));
      }}
    >
      {busy ? "正在导出…" : label}
    </Button>
  );
}
