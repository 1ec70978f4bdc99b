import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useState } from "react";
import { listEnterprises } from "../api";
import { enterpriseQueryKeys } from "../enterpriseQueryKeys";

interface EnterprisePickerProps {
  /**
   * Offer only this county's enterprises, and none until a county is chosen (the forms that pick a
   * county first). Without it the search covers the user's whole region (the server scopes the list).
   */
  countyCode?: string | undefined;
  /** Whether a county must be chosen first (pass `countyCode`, even while it is still undefined). */
  byCounty?: boolean;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  multiple?: boolean;
  placeholder?: string;
  /** Set by Form.Item so the field's label points at the input (click and screen readers). */
  id?: string;
}

/** The one enterprise picker: searched on the server by name or credit code, debounced while typing. */
export function EnterprisePicker({ id, countyCode, byCounty = false, value, onChange, multiple, placeholder }: EnterprisePickerProps) {
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const waiting = byCounty && !countyCode;
  const query = { regionCode: byCounty ? countyCode : undefined, q: debounced || undefined, page: 1, pageSize: byCounty ? 50 : 20 };
  const firms = useQuery({
    queryKey: enterpriseQueryKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    enabled: !waiting,
    placeholderData: byCounty ? undefined : keepPreviousData,
  });
  const empty = byCounty ? "本县没有符合条件的企业" : "辖区内没有匹配的企业";
  return (
    <Select
      id={id}
      mode={multiple ? "multiple" : undefined}
      value={value}
      onChange={onChange}
      allowClear
      disabled={waiting}
      placeholder={waiting ? "请先选择县(市、区)" : (placeholder ?? (byCounty ? "输入企业名称搜索" : "输入企业名称或统一社会信用代码搜索"))}
      loading={firms.isFetching}
      options={(firms.data?.items ?? []).map((e) => ({ value: e.id, label: byCounty ? e.name : `${e.name}（${e.countyName}）` }))}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={firms.isError ? "企业加载失败" : firms.isFetching ? "搜索中…" : empty}
    />
  );
}
