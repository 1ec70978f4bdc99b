import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useState } from "react";
import { enterpriseQueryKeys, listEnterprises } from "../../enterprises";

interface CoveredEnterprisesSelectProps {
  countyCode: string | undefined;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The firms already covered (an edit form), so their names show before any search. */
  known?: { id: string; name: string }[];
  id?: string;
}

/** The firms a union covers: several, searched among the county's enterprises. */
export function CoveredEnterprisesSelect({ countyCode, value, onChange, known = [], id }: CoveredEnterprisesSelectProps) {
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
    placeholderData: keepPreviousData,
  });
  const options = (firms.data?.items ?? []).map((e) => ({ value: e.id, label: e.name }));
  for (const k of known) if (!options.some((o) => o.value === k.id)) options.push({ value: k.id, label: k.name });
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      allowClear
      disabled={!countyCode}
      placeholder={countyCode ? "输入企业名称或统一社会信用代码搜索" : "请先选择所在县(市、区)"}
      loading={firms.isFetching}
      options={options}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={firms.isError ? "企业加载失败" : firms.isFetching ? "搜索中…" : "本县没有符合条件的企业"}
    />
  );
}
