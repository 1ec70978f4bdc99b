import { UploadOutlined } from "@ant-design/icons";
import type { ImportKind } from "@jiangxin/domain";
import { Button } from "antd";
import { useState } from "react";
import { useCan } from "../../../app/session";
import { ImportDrawer } from "./ImportDrawer";

/**
 * 批量导入 in a list page's header, with its drawer: shown only to a reader who may import
 * (data.import) and, where the page says so, may also write what is imported (`allowed`). `onDone`
 * refreshes the page's list once a file is in.
 */
export function ImportButton({ kind, onDone, allowed = true }: { kind: ImportKind; onDone: () => void; allowed?: boolean }) {
  const can = useCan();
  const [open, setOpen] = useState(false);
  if (!allowed || !can("data.import")) return null;
  // One element, so a Space around the header's buttons spaces it as one.
  return (
    <span>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        批量导入
      </Button>
      <ImportDrawer kind={kind} open={open} onClose={() => setOpen(false)} onDone={onDone} />
    </span>
  );
}
