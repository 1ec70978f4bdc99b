import { Input } from "antd";
import { useIsMobile } from "../useIsMobile";

interface ListSearchInputProps {
  /** The search text in the URL; a new value (Back, a link) resets what is typed. */
  value: string | undefined;
  onSearch: (q: string) => void;
  placeholder: string;
  /** Width on wide screens; phones get the full row. */
  width: number;
}

/** The keyword box of list pages: searches on Enter or 搜索, with the text trimmed. */
export function ListSearchInput({ value, onSearch, placeholder, width }: ListSearchInputProps) {
  const isMobile = useIsMobile();
  return (
    <Input.Search
      key={value ?? ""}
      defaultValue={value}
      allowClear
      enterButton="搜索"
      placeholder={placeholder}
      style={{ width: isMobile ? "100%" : width }}
      onSearch={(text) => onSearch(text.trim())}
    />
  );
}
