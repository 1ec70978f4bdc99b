import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useState } from "react";
import { listEnterprises } from "../../../../masterData/enterprises/api";
import { enterpriseQueryKeys } from "../../../../masterData/enterprises/enterpriseQueryKeys";

interface EnterprisePickerProps {
  /** Only enterprises of this county are offered; nothing until a county is chosen. */
  countyCode: string | undefined;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Set by Form.Item so the field's label points at the input (click and screen readers). */
  id?: string;
}

/** Enterprises of one county, searched on the server by name or credit code. */
export function EnterprisePicker({ id, countyCode, value, onChange, multiple, placeholder }: EnterprisePickerProps) {
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const query = { regionCode: countyCode, q: debounced || undefined, page: 1, pageSize: 50 };
  const firms = useQuery({
    queryKey: enterpriseQueryKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    enabled: Boolean(countyCode),
  });
  return (
    <Select
      id={id}
      mode={multiple ? "multiple" : undefined}
      value={value}
      onChange={onChange}
      allowClear
      disabled={!countyCode}
      placeholder={countyCode ? (placeholder ?? "输入企业名称搜索") : "请先选择县(市、区)"}
      loading={firms.isFetching}
      options={(firms.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }))}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={firms.isError ? "企业加载失败" : firms.isFetching ? "搜索中…" : "本县没有符合条件的企业"}
    />
  );
}
