import type { MyTask } from "@jiangxin/domain";
import { useQueryClient } from "@tanstack/react-query";
import { Drawer, Typography } from "antd";
import { AttachmentPanel } from "../../../../app/attachments";
import { useIsMobile } from "../../../../app/useIsMobile";
import { NoteForm } from "../../problems/components/NoteForm";
import { myTaskQueryKeys } from "../api";

/**
 * One tap from a task: write what was done and add photos, without leaving 我的任务. The note goes on
 * the problem's timeline (no status change); photos go on the problem.
 */
export function ProgressDrawer({ task, onClose }: { task: MyTask; onClose: () => void }) {
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const close = () => {
    void queryClient.invalidateQueries({ queryKey: myTaskQueryKeys.all });
    onClose();
  };
  return (
    <Drawer open title="记录进展" placement={isMobile ? "bottom" : "right"} size={isMobile ? "85%" : 480} onClose={close} destroyOnHidden>
      <Typography.Paragraph strong style={{ marginBottom: 4 }}>
        {task.title}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        {task.code} · {task.enterprise.name}
      </Typography.Paragraph>
      <NoteForm problemId={task.problemId} />
      <AttachmentPanel ownerKind="flagship.problem" ownerId={task.problemId} title="现场照片" canUpload emptyText="还没有照片，点“拍照”直接用手机相机" style={{ marginTop: 16 }} />
    </Drawer>
  );
}
