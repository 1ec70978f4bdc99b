import { problemMoveSchema, problemStatusLabels, type ProblemDetail, type ProblemMoveOption } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Form, Input, Modal, Typography } from "antd";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../../app/ApiError";
import { applyFieldErrors } from "../../../../app/applyFieldErrors";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { ExpertSuggestions } from "./ExpertSuggestions";
import { moveProblem } from "../api";
import { problemQueryKeys } from "../problemQueryKeys";

interface MoveDialogProps {
  problem: ProblemDetail;
  /** The move being made; null when the dialog is closed. */
  move: ProblemMoveOption | null;
  onClose: () => void;
}

/** What the note means for each target, so the field asks the right question. */
function noteLabel(move: ProblemMoveOption): string {
  if (move.to === "solutionProposed") return "解决方案";
  if (move.to === "rejected" || move.to === "closed") return "原因";
  if (move.to === "unresolved") return "未能解决的原因与后续打算";
  return "说明";
}

/**
 * Confirms one move (render it with `key` set to the move, so each opening starts empty): asks for the note (required where the table says so) and, for an assignment
 * without an owner yet, shows the ranked expert suggestions to pick from.
 */
export function MoveDialog({ problem, move, onClose }: MoveDialogProps) {
  const [form] = Form.useForm<{ note?: string }>();
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const picksExpert = Boolean(move?.needsOwner && (move.to === "matched" || !problem.ownerExpertId));

  const mutation = useMutation({
    mutationFn: (body: { note?: string; ownerExpertId?: string }) => {
      if (!move) throw new Error("no move");
      return moveProblem(problem.id, { to: move.to, ...body });
    },
    onSuccess: (updated) => {
      queryClient.setQueryData(problemQueryKeys.detail(problem.id), updated);
      void queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
      void message.success(`“${move?.label ?? "操作"}”已完成，当前状态：${problemStatusLabels[updated.status]}`);
      onClose();
    },
    onError: (error) => {
      if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
        const leftover = applyFieldErrors(form, error, ["note"]);
        setFormError(leftover.length > 0 ? leftover.join("；") : null);
      } else {
        setFormError(errorMessage(error));
        // Someone else may have moved it meanwhile: show the current state and its moves.
        if (error instanceof ApiError && error.code === "CONFLICT") void queryClient.invalidateQueries({ queryKey: problemQueryKeys.detail(problem.id) });
      }
    },
  });

  async function submit(ownerExpertId?: string) {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const note = values.note?.trim() || undefined;
    mutation.mutate({ note, ...(ownerExpertId ? { ownerExpertId } : {}) });
  }

  if (!move) return null;
  const noteRules = [zodRule(problemMoveSchema.shape.note), ...(move.noteRequired ? [{ required: true, whitespace: true, message: `请填写${noteLabel(move)}` }] : [])];

  return (
    <Modal
      open
      title={`${move.label}：${problem.title}`}
      onCancel={onClose}
      width={picksExpert ? (isMobile ? "100%" : 720) : 520}
      okText={move.label}
      onOk={() => void submit()}
      confirmLoading={mutation.isPending}
      // Picking an expert is the confirmation; there is no separate OK button then.
      footer={picksExpert ? null : undefined}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {problemStatusLabels[problem.status]} → {problemStatusLabels[move.to]}
      </Typography.Paragraph>
      {/* Named so its field ids differ from the 进展记录 form's "note" on the same page (labels find their own input). */}
      <Form form={form} name="problemMove" layout="vertical" disabled={mutation.isPending} onValuesChange={() => setFormError(null)}>
        <Form.Item label={noteLabel(move)} name="note" required={move.noteRequired} rules={noteRules}>
          <Input.TextArea rows={picksExpert ? 2 : 4} count={{ show: true, max: 1000 }} placeholder={move.noteRequired ? "必填" : "选填"} />
        </Form.Item>
      </Form>
      {formError ? <Alert type="error" showIcon title={formError} role="alert" style={{ marginBottom: 12 }} /> : null}
      {picksExpert ? (
        <ExpertSuggestions problemId={problem.id} pickedExpertId={problem.ownerExpertId} picking={mutation.isPending} onPick={(expertId) => void submit(expertId)} />
      ) : null}
    </Modal>
  );
}
