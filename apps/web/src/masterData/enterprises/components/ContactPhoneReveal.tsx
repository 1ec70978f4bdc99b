import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Button, Flex, Typography } from "antd";
import { useState } from "react";
import { errorMessage } from "../../../app/ApiError";
import { useCan } from "../../../app/session";
import { getEnterpriseContactPhone } from "../api";

interface ContactPhoneRevealProps {
  enterpriseId: string;
  masked: string;
}

/**
 * The masked phone with a "查看" button. The full number is personal data: it is fetched only on
 * click (a mutation, so nothing refetches it behind the user's back) and each fetch is logged.
 */
export function ContactPhoneReveal({ enterpriseId, masked }: ContactPhoneRevealProps) {
  const can = useCan();
  const [shown, setShown] = useState(false);
  const reveal = useMutation({ mutationFn: () => getEnterpriseContactPhone(enterpriseId), onSuccess: () => setShown(true) });
  const full = shown ? reveal.data : undefined;

  return (
    <div>
      <Flex align="center" gap={8} wrap>
        <Typography.Text style={{ fontFamily: "monospace" }} copyable={full ? { text: full } : false}>
          {full ?? masked}
        </Typography.Text>
        {!can("enterprise.readPersonal") ? null : full ? (
          <Button size="small" type="link" icon={<EyeInvisibleOutlined />} onClick={() => setShown(false)}>
            隐藏
          </Button>
        ) : (
          <Button size="small" type="link" icon={<EyeOutlined />} loading={reveal.isPending} onClick={() => reveal.mutate()}>
            查看
          </Button>
        )}
      </Flex>
      {can("enterprise.readPersonal") ? (
        <Typography.Text type={reveal.isError ? "danger" : "secondary"} style={{ fontSize: 12 }}>
          {reveal.isError ? errorMessage(reveal.error) : "查看完整号码的操作会记入审计日志"}
        </Typography.Text>
      ) : null}
    </div>
  );
}
