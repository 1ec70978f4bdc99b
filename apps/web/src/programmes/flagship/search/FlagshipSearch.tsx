import { SearchOutlined } from "@ant-design/icons";
import { flagshipSearchKindLabels, flagshipSearchKinds } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { AutoComplete, Input, Typography } from "antd";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { useIsMobile } from "../../../app/useIsMobile";
import { searchFlagship } from "./api";

/**
 * 一个搜索框: a firm (name or credit code), an expert, a problem (number or title) or a session; picking
 * a hit opens its page. Results are the server's, within the user's own scope.
 */
export function FlagshipSearch({ width = 300 }: { width?: number }) {
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  // Asks once typing pauses, not on every keystroke.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 300);
    return () => clearTimeout(timer);
  }, [text]);
  const hits = useQuery({ queryKey: ["flagshipSearch", q], queryFn: ({ signal }) => searchFlagship(q, signal), enabled: q.length > 0 });
  const items = hits.data ?? [];
  const options = flagshipSearchKinds
    .map((kind) => ({
      label: flagshipSearchKindLabels[kind],
      options: items
        .filter((h) => h.kind === kind)
        .map((h) => ({
          value: h.link,
          label: (
            <div style={{ minWidth: 0 }}>
              <Typography.Text ellipsis style={{ display: "block" }}>
                {h.title}
              </Typography.Text>
              <Typography.Text type="secondary" ellipsis style={{ display: "block", fontSize: 12 }}>
                {h.subtitle}
              </Typography.Text>
            </div>
          ),
        })),
    }))
    .filter((group) => group.options.length > 0);
  return (
    <AutoComplete
      value={text}
      options={options}
      onChange={setText}
      onSelect={(link: string) => {
        setText("");
        void navigate(link);
      }}
      style={{ width: isMobile ? "100%" : width }}
      notFoundContent={q && hits.isSuccess ? "没有找到" : null}
      popupMatchSelectWidth={isMobile ? true : 360}
    >
      <Input prefix={<SearchOutlined />} allowClear placeholder="搜索企业、信用代码、专家、难题编号、场次" aria-label="助企行搜索" />
    </AutoComplete>
  );
}
