import { Card, Flex, Typography } from "antd";
import type { ReactNode } from "react";
import { DefinitionPopover } from "./DefinitionPopover";

interface IndicatorCardProps {
  title: string;
  definition: string;
  children: ReactNode;
}

/** One figure of the report: its name, the "口径" popover, then the number(s) with last year's beside. */
export function IndicatorCard({ title, definition, children }: IndicatorCardProps) {
  return (
    <Card style={{ height: "100%" }} styles={{ body: { padding: "14px 16px" } }}>
      <Flex justify="space-between" align="flex-start" gap={4} style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary" style={{ minWidth: 0 }}>
          {title}
        </Typography.Text>
        <DefinitionPopover title={title} definition={definition} />
      </Flex>
      {children}
    </Card>
  );
}
