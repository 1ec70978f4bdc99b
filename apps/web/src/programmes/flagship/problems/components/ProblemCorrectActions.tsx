import { EditOutlined, RollbackOutlined } from "@ant-design/icons";
import { isStaffRole, problemDetailSchema, problemTextCorrectionSchema, withdrawableStatuses, type ProblemDetail } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../../app/ApiError";
import { request } from "../../../../app/request";
import { useCan, useSession } from "../../../../app/session";
import { zodRule } from "../../../../app/zodRule";
import { CorrectModal } from "../../corrections/components/CorrectModal";
import { VoidButton } from "../../corrections/components/VoidButton";
import { problemQueryKeys } from "../problemQueryKeys";

const shape = problemTextCorrectionSchema.shape;
const problemPath = (id: string) => `/api/problems/${encodeURIComponent(id)}`;

/**
 * What a user may do to put a problem's record right: its enterprise rewords or withdraws it until the
 * union accepts it; staff correct its text (with a reason once accepted) and void it.
 */
export function ProblemCorrectActions({ problem: p }: { problem: ProblemDetail }) {
  const { user } = useSession();
  const can = useCan();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [correcting, setCorrecting] = useState(false);
  const waiting = withdrawableStatuses.includes(p.status);
  const withdraw = useMutation({
    mutationFn: () => request(`${problemPath(p.id)}/withdraw`, { method: "POST", body: {}, schema: problemDetailSchema }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
      void message.success("难题已撤回");
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  if (p.voided || p.status === "withdrawn") return null;
  const ownWaiting = user.role === "enterprise" && waiting;
  const staff = isStaffRole(user.role) && can("demand.submit");
  return (
    <>
      {ownWaiting || staff ? (
        <Button icon={<EditOutlined />} onClick={() => setCorrecting(true)}>
          {ownWaiting ? "修改" : "更正"}
        </Button>
      ) : null}
      {ownWaiting ? (
        <Popconfirm title="撤回这个难题？" description="受理前可以撤回，撤回后不再等待受理。" okText="撤回" cancelText="取消" onConfirm={() => withdraw.mutate()}>
          <Button icon={<RollbackOutlined />} loading={withdraw.isPending}>
            撤回
          </Button>
        </Popconfirm>
      ) : null}
      {can("record.void") ? <VoidButton recordPath={problemPath(p.id)} what="难题" schema={problemDetailSchema} invalidate={[problemQueryKeys.all]} /> : null}
      {correcting ? (
        <CorrectModal
          open
          onClose={() => setCorrecting(false)}
          title={ownWaiting ? "修改难题" : "更正难题"}
          recordPath={problemPath(p.id)}
          schema={problemDetailSchema}
          invalidate={[problemQueryKeys.all]}
          reasonOptional={waiting}
          initial={{ title: p.title, description: p.description }}
          fields={[
            { name: "title", label: "难题标题", kind: "text", max: 80, rules: [zodRule(shape.title.unwrap(), "请填写难题标题")] },
            { name: "description", label: "难题描述", kind: "textarea", max: 2000, rules: [zodRule(shape.description.unwrap(), "请描述难题")] },
          ]}
        />
      ) : null}
    </>
  );
}
