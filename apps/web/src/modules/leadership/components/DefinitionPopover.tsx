import { QuestionCircleOutlined } from "@ant-design/icons";
import { Button, Popover, Typography } from "antd";

/** The "口径" link beside a figure: how it is counted, so a reader can check it against the records. */
export function DefinitionPopover({ title, definition }: { title: string; definition: string }) {
  return (
    <Popover title={`${title}·统计口径`} trigger="click" content={<Typography.Paragraph style={{ maxWidth: 300, margin: 0 }}>{definition}</Typography.Paragraph>}>
      <Button type="link" size="small" icon={<QuestionCircleOutlined />} style={{ padding: 0, height: "auto" }} aria-label={`${title}的统计口径`}>
        口径
      </Button>
    </Popover>
  );
}
