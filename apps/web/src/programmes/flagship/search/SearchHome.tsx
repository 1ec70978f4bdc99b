import { Card, Typography } from "antd";
import { useIsMobile } from "../../../app/useIsMobile";
import { FlagshipSearch } from "./FlagshipSearch";

/**
 * 工作台's one search box for the flagship: an enterprise (name or credit code), an expert, a problem
 * (number or title) or a session, grouped, each within the reader's own scope (the server decides).
 */
export function SearchHome() {
  const isMobile = useIsMobile();
  return (
    <Card size="small" style={{ marginBottom: 16 }} styles={{ body: { padding: isMobile ? 12 : 16 } }}>
      <Typography.Text strong style={{ display: "block", marginBottom: 8 }}>
        劳模工匠助企行 · 搜索
      </Typography.Text>
      <FlagshipSearch width={520} />
      <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, marginTop: 6 }}>
        可输入企业名称或统一社会信用代码、专家姓名、难题编号或标题、服务场次名称；只显示您有权查看的记录。
      </Typography.Text>
    </Card>
  );
}
