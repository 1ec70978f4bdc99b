import { problemRatingSchema, type ProblemRatingInput } from "@jiangxin/domain";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Rate } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../../app/ApiError";
import { zodRule } from "../../../../app/zodRule";
import { rateProblem } from "../api";
import { problemQueryKeys } from "../problemQueryKeys";

const scoreWords = ["很不满意", "不满意", "一般", "满意", "非常满意"];

/** The enterprise's one rating of the help on a solved problem. */
export function RatingForm({ problemId }: { problemId: string }) {
  const [form] = Form.useForm<ProblemRatingInput>();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: (input: ProblemRatingInput) => rateProblem(problemId, input),
    onSuccess: (updated) => {
      queryClient.setQueryData(problemQueryKeys.detail(problemId), updated);
      void message.success("感谢评价");
    },
    onError: (e) => setError(errorMessage(e)),
  });

  return (
    <Form
      form={form}
      layout="vertical"
      disabled={mutation.isPending}
      onValuesChange={() => setError(null)}
      onFinish={(v) => mutation.mutate({ score: v.score, ...(v.comment?.trim() ? { comment: v.comment.trim() } : {}) })}
    >
      <Form.Item name="score" label="服务评分" rules={[zodRule(problemRatingSchema.shape.score, "请评分")]}>
        <Rate tooltips={scoreWords} />
      </Form.Item>
      <Form.Item name="comment" label="评价" rules={[zodRule(problemRatingSchema.shape.comment)]}>
        <Input.TextArea rows={3} count={{ show: true, max: 500 }} placeholder="选填：专家的服务、问题解决的效果" />
      </Form.Item>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={mutation.isPending}>
        提交评价
      </Button>
    </Form>
  );
}
