import { problemNoteSchema } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input } from "antd";
import { ApiError, errorMessage } from "../../../../app/ApiError";
import { applyFieldErrors } from "../../../../app/applyFieldErrors";
import { zodRule } from "../../../../app/zodRule";
import { addProblemNote } from "../api";
import { problemQueryKeys } from "../problemQueryKeys";

/** 进展记录: a follow-up attempt or a call, logged on the timeline without changing the status. */
export function NoteForm({ problemId }: { problemId: string }) {
  const [form] = Form.useForm<{ note: string }>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const mutation = useMutation({
    mutationFn: (note: string) => addProblemNote(problemId, note),
    onSuccess: (updated) => {
      queryClient.setQueryData(problemQueryKeys.detail(problemId), updated);
      void queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
      form.resetFields();
      void message.success("已记录进展");
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) applyFieldErrors(form, error, ["note"]);
      else form.setFields([{ name: "note", errors: [errorMessage(error)] }]);
    },
  });

  return (
    <Form form={form} name="problemNote" layout="vertical" disabled={mutation.isPending} onFinish={(v) => mutation.mutate(v.note.trim())}>
      <Form.Item name="note" label="进展记录" rules={[zodRule(problemNoteSchema.shape.note, "请填写进展说明")]}>
        <Input.TextArea rows={3} count={{ show: true, max: 1000 }} placeholder="例如：联系厂家寄来样品，下周二回访试装" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        记录进展
      </Button>
    </Form>
  );
}
