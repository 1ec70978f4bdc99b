import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { listEnterprises } from "../../../../masterData/enterprises/api";
import { enterpriseQueryKeys } from "../../../../masterData/enterprises/enterpriseQueryKeys";

interface EnterprisePickerProps {
  value?: string;
  onChange?: (id: string | undefined) => void;
  id?: string;
}

/** Searches the enterprises of the user's region by name or credit code (the server scopes the list). */
export function EnterprisePicker({ value, onChange, id }: EnterprisePickerProps) {
  const [q, setQ] = useState("");
  const query = { q: q || undefined, page: 1, pageSize: 20 };
  const list = useQuery({
    queryKey: enterpriseQueryKeys.list(query),
    queryFn: ({ signal }) => listEnterprises(query, signal),
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch: setQ }}
      allowClear
      placeholder="输入企业名称或统一社会信用代码搜索"
      loading={list.isFetching}
      notFoundContent={list.isError ? "企业加载失败" : "辖区内没有匹配的企业"}
      options={(list.data?.items ?? []).map((e) => ({ value: e.id, label: `${e.name}（${e.countyName}）` }))}
    />
  );
}
