import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useEffect, useMemo, useState } from "react";
import { expertQueryKeys, listExperts } from "../../../../masterData/experts";
import { expertDetailOfRow, expertLabel } from "../../experts/expertLabel";

interface ExpertPickerProps {
  value?: string[];
  onChange?: (value: string[]) => void;
  placeholder?: string;
  /** Names of experts already chosen (e.g. when editing), so their tags read as names from the start. */
  knownNames?: Record<string, string>;
  onNamesChange?: (names: Record<string, string>) => void;
  /** Set by Form.Item so the field's label points at the input (click and screen readers). */
  id?: string;
  /** At most this many experts (1 for 批量指派's one owner). */
  maxCount?: number;
}

/**
 * Several experts from the provincial pool, searched on the server by name, employer or trade (the
 * pool is thousands strong, too many to load). Names of chosen experts are remembered so their tags
 * stay readable when the search moves on.
 */
export function ExpertPicker({ id, value = [], onChange, placeholder = "输入姓名搜索专家", knownNames, onNamesChange, maxCount }: ExpertPickerProps) {
  const [q, setQ] = useState("");
  const [debounced, setDebounced] = useState("");
  // Names of the experts chosen so far, remembered when picked (the search results move on).
  const [names, setNames] = useState<Record<string, string>>({ ...knownNames });
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 300);
    return () => clearTimeout(timer);
  }, [q]);
  const query = { q: debounced || undefined, active: true, page: 1, pageSize: 30 };
  const experts = useQuery({ queryKey: expertQueryKeys.list(query), queryFn: ({ signal }) => listExperts(query, signal) });

  const options = useMemo(() => {
    // The chosen tag keeps what tells namesakes apart (2×郭红英 in the pool): never the bare name.
    const found = (experts.data?.items ?? []).map((x) => {
      const label = expertLabel(x.name, expertDetailOfRow(x));
      return { value: x.id, label, short: label };
    });
    const missing = value.filter((id) => !found.some((o) => o.value === id)).map((id) => ({ value: id, label: names[id] ?? "已选专家", short: names[id] ?? "已选专家" }));
    return [...missing, ...found];
  }, [experts.data, value, names]);

  return (
    <Select
      id={id}
      mode="multiple"
      maxCount={maxCount}
      value={value}
      options={options}
      optionLabelProp="short"
      // Wrapped, not cut: at 390 px the county and level are what tell namesakes apart.
      optionRender={(option) => <span style={{ whiteSpace: "normal", overflowWrap: "anywhere" }}>{option.label}</span>}
      placeholder={placeholder}
      loading={experts.isFetching}
      showSearch={{ onSearch: setQ, filterOption: false }}
      notFoundContent={experts.isError ? "专家库加载失败" : experts.isFetching ? "搜索中…" : "没有找到专家"}
      onChange={(ids: string[]) => {
        const next = Object.fromEntries(ids.map((id) => [id, names[id] ?? options.find((o) => o.value === id)?.short ?? ""]));
        setNames(next);
        onChange?.(ids);
        onNamesChange?.(next);
        setQ("");
      }}
    />
  );
}
