import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useState } from "react";
import { listUnions } from "../api";
import { unionQueryKeys } from "../unionQueryKeys";

interface UnionPickerProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** The chosen union's name, when it may not be among the first search results (an edit form). */
  currentName?: string | null;
  /** Leave this union out (a union cannot be its own parent). */
  excludeId?: string;
  placeholder?: string;
  id?: string;
}

/** Picks a union the user can see, searched on the server by name (debounced while typing). */
export function UnionPicker({ value, onChange, currentName, excludeId, placeholder = "输入工会名称搜索", id }: UnionPickerProps) {
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const query = { q: debounced || undefined, page: 1, pageSize: 30 };
  const unions = useQuery({ queryKey: unionQueryKeys.list(query), queryFn: ({ signal }) => listUnions(query, signal), placeholderData: keepPreviousData });
  const options = (unions.data?.items ?? []).filter((u) => u.id !== excludeId).map((u) => ({ value: u.id, label: `${u.name}（${u.regionName}）` }));
  if (value && currentName && !options.some((o) => o.value === value)) options.unshift({ value, label: currentName });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      allowClear
      placeholder={placeholder}
      loading={unions.isFetching}
      options={options}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={unions.isError ? "工会加载失败" : unions.isFetching ? "搜索中…" : "没有匹配的工会"}
    />
  );
}
