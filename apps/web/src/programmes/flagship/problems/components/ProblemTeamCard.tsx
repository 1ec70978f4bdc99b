import { problemUpdateSchema, type ProblemDetail } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Modal, Popconfirm, Select, Tag, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../../app/ApiError";
import { formErrorOf } from "../../../../app/applyFieldErrors";
import { useIsMobile } from "../../../../app/useIsMobile";
import { zodRule } from "../../../../app/zodRule";
import { ExpertSuggestions } from "./ExpertSuggestions";
import { addTeamMember, removeTeamMember, updateProblem } from "../api";
import { problemQueryKeys } from "../problemQueryKeys";
import { teamSizeOptions } from "../teamSizeOptions";
import { coExpertsText, teamSizeLabel } from "../teamText";
import { ExpertTag } from "../../experts/ExpertName";
import { expertLabel } from "../../experts/expertLabel";

/**
 * 专家团队: 需要专家人数, the 负责专家 and the 协助专家. Staff who assign experts (canManageTeam, open
 * problems) change the size, add a co-expert from the ranked suggestions and remove one; everyone
 * else who may see the problem sees the team.
 */
export function ProblemTeamCard({ problem }: { problem: ProblemDetail }) {
  const { message } = App.useApp();
  const isMobile = useIsMobile();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ teamSize: number }>();
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [addError, setAddError] = useState<string | null>(null);
  const saved = (text: string) => (updated: ProblemDetail) => {
    queryClient.setQueryData(problemQueryKeys.detail(problem.id), updated);
    void queryClient.invalidateQueries({ queryKey: problemQueryKeys.all });
    void message.success(text);
  };

  const size = useMutation({
    mutationFn: (teamSize: number) => updateProblem(problem.id, { teamSize }),
    onSuccess: (updated) => {
      setSizeError(null);
      saved(`需要专家人数已改为${updated.teamSize}人`)(updated);
    },
    onError: (error) => {
      // The select shows what was saved, not the refused value.
      form.setFieldsValue({ teamSize: problem.teamSize });
      setSizeError(formErrorOf(form, error, ["teamSize"]));
    },
  });
  const add = useMutation({
    mutationFn: (expertId: string) => addTeamMember(problem.id, expertId),
    onSuccess: (updated) => {
      setAdding(false);
      saved("已加入专家团队")(updated);
    },
    onError: (error) => setAddError(errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: (expertId: string) => removeTeamMember(problem.id, expertId),
    onSuccess: saved("已移出专家团队"),
    onError: (error) => void message.error(errorMessage(error)),
  });

  const members = problem.teamMembers;
  const serving = (problem.ownerExpertId ? 1 : 0) + members.length;
  const canAdd = problem.canManageTeam && Boolean(problem.ownerExpertId) && members.length < problem.teamSize - 1;
  const missing = problem.teamSize - serving;

  return (
    <Card
      title="专家团队"
      style={{ marginTop: 16 }}
      extra={
        problem.canManageTeam ? (
          <Button
            size="small"
            disabled={!canAdd}
            onClick={() => {
              setAddError(null);
              setAdding(true);
            }}
          >
            添加协助专家
          </Button>
        ) : null
      }
    >
      <Flex vertical gap={12}>
        <Flex align="center" gap={8} wrap>
          <Typography.Text type="secondary" style={{ minWidth: 84 }}>
            {teamSizeLabel}
          </Typography.Text>
          {problem.canManageTeam ? (
            <Form form={form} name="problemTeamSize" layout="inline" initialValues={{ teamSize: problem.teamSize }} disabled={size.isPending}>
              <Form.Item name="teamSize" rules={[zodRule(problemUpdateSchema.shape.teamSize)]} style={{ marginBottom: 0 }}>
                <Select
                  aria-label="需要专家人数"
                  options={teamSizeOptions}
                  style={{ width: 96 }}
                  onChange={(v: number) => {
                    setSizeError(null);
                    size.mutate(v);
                  }}
                />
              </Form.Item>
            </Form>
          ) : (
            <Typography.Text>{problem.teamSize}人</Typography.Text>
          )}
          {missing > 0 && problem.ownerExpertId ? <Tag color="orange">还差{missing}人</Tag> : null}
        </Flex>
        {sizeError ? <Alert type="error" showIcon title={sizeError} role="alert" /> : null}
        <Flex align="center" gap={8} wrap>
          <Typography.Text type="secondary" style={{ minWidth: 84 }}>
            负责专家
          </Typography.Text>
          {problem.ownerExpertName ? <ExpertTag name={problem.ownerExpertName} detail={problem.ownerExpertDetail ?? ""} color="red" /> : <Typography.Text type="secondary">未指派</Typography.Text>}
        </Flex>
        <Flex align="flex-start" gap={8} wrap>
          <Typography.Text type="secondary" style={{ minWidth: 84 }}>
            协助专家
          </Typography.Text>
          {members.length === 0 ? (
            <Typography.Text type="secondary">{coExpertsText(problem.teamSize, Boolean(problem.ownerExpertId))}</Typography.Text>
          ) : (
            <Flex gap={8} wrap>
              {members.map((m) =>
                problem.canManageTeam ? (
                  <Popconfirm
                    key={m.expertId}
                    title={`将${expertLabel(m.expertName, m.expertDetail)}移出专家团队？`}
                    okText="移出"
                    okButtonProps={{ danger: true }}
                    cancelText="取消"
                    onConfirm={() => remove.mutate(m.expertId)}
                  >
                    <Tag color="blue" closable onClose={(e) => e.preventDefault()} style={{ cursor: "pointer", whiteSpace: "normal" }}>
                      {m.expertName}
                      <span style={{ opacity: 0.7, marginInlineStart: 4, fontSize: 12 }}>{m.expertDetail}</span>
                    </Tag>
                  </Popconfirm>
                ) : (
                  <ExpertTag key={m.expertId} name={m.expertName} detail={m.expertDetail} color="blue" />
                ),
              )}
            </Flex>
          )}
        </Flex>
      </Flex>
      {adding ? (
        <Modal open title={`添加协助专家：${problem.title}`} onCancel={() => setAdding(false)} footer={null} width={isMobile ? "100%" : 720} destroyOnHidden>
          <Typography.Paragraph type="secondary">
            协助专家须工种对口、未满负荷；本难题需要{problem.teamSize}人，已有{serving}人。
          </Typography.Paragraph>
          {addError ? <Alert type="error" showIcon title={addError} role="alert" style={{ marginBottom: 12 }} /> : null}
          <ExpertSuggestions
            problemId={problem.id}
            pickLabel="加入团队"
            pickedExpertId={problem.ownerExpertId}
            picking={add.isPending}
            onPick={(expertId) => {
              setAddError(null);
              add.mutate(expertId);
            }}
          />
        </Modal>
      ) : null}
    </Card>
  );
}
