import { ReloadOutlined } from "@ant-design/icons";
import { Button, Result } from "antd";
import { errorMessage } from "../ApiError";

interface QueryErrorResultProps {
  error: unknown;
  onRetry: () => void;
  title?: string;
}

/** The error state of a page: the server's own message and a way to try again. */
export function QueryErrorResult({ error, onRetry, title = "加载失败" }: QueryErrorResultProps) {
  return (
    <Result
      status="error"
      title={title}
      subTitle={errorMessage(error)}
      extra={
        <Button type="primary" icon={<ReloadOutlined />} onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
