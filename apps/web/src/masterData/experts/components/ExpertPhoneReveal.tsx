import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Flex, Typography } from "antd";
import { useState } from "react";
import { ApiError, errorMessage } from "../../../app/ApiError";
import { useCan } from "../../../app/session";
import { getExpertPhone } from "../api";

interface ExpertPhoneRevealProps {
  expertId: string;
  masked: string;
  /** Whether the user's region covers the expert's home county; the server checks it again. */
  inRegion: boolean;
}

/**
 * The masked phone with a "查看号码" button. The full number is fetched only on click (a mutation,
 * so nothing refetches it) and each fetch is logged. The pool is provincial but phones are not:
 * staff of another county are answered 404, shown here as "not yours to see".
 */
export function ExpertPhoneReveal({ expertId, masked, inRegion }: ExpertPhoneRevealProps) {
  const can = useCan();
  const [shown, setShown] = useState(false);
  const reveal = useMutation({ mutationFn: () => getExpertPhone(expertId), onSuccess: () => setShown(true) });
  const full = shown ? reveal.data : undefined;
  const allowed = can("expert.readPersonal") && inRegion;
  const outOfRegion = !inRegion || (reveal.error instanceof ApiError && reveal.error.code === "NOT_FOUND");

  return (
    <div>
      <Flex align="center" gap={8} wrap>
        <Typography.Text style={{ fontFamily: "monospace" }} copyable={full ? { text: full } : false}>
          {full ?? masked}
        </Typography.Text>
        {!allowed ? null : full ? (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setShown(false)}>
            隐藏
          </Button>
        ) : (
          <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
            查看号码
          </Button>
        )}
      </Flex>
      {can("expert.readPersonal") ? (
        <Typography.Text type={reveal.isError ? "danger" : "secondary"} style={{ fontSize: 12 }}>
          {outOfRegion
            ? "该专家不在您的辖区，完整号码由其所在地工会查看"
            : reveal.isError
              ? errorMessage(reveal.error)
              : "查看完整号码的操作会记入审计日志"}
        </Typography.Text>
      ) : null}
    </div>
  );
}
