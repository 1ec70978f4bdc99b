import { Button, Flex } from "antd";

interface DrawerFooterProps {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
  saveLabel?: string;
  size?: "large";
}

/** 取消 / 保存 at the foot of a form drawer; 保存 spins while the write is under way. */
export function DrawerFooter({ onCancel, onSave, saving, saveLabel = "保存", size }: DrawerFooterProps) {
  return (
    <Flex justify="flex-end" gap={8}>
      <Button size={size} onClick={onCancel}>
        取消
      </Button>
      <Button size={size} type="primary" loading={saving} onClick={onSave}>
        {saveLabel}
      </Button>
    </Flex>
  );
}
