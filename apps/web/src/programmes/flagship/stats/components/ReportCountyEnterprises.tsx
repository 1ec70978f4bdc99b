import { useQuery } from "@tanstack/react-query";
import { Skeleton } from "antd";
import { useEffect } from "react";
import { QueryErrorResult } from "../../../../app/components/QueryErrorResult";
import { getCountyEnterprises, statsQueryKeys } from "../api";
import { formatWan } from "../../../../app/yuan";

const shown = 20;

/** A county's report lists the enterprises it served most (its sessions first), with the count of all. */
export function ReportCountyEnterprises({ code, name, year, onSettled }: { code: string; name: string; year: number; onSettled: () => void }) {
  const query = { year, page: 1, pageSize: shown };
  const list = useQuery({ queryKey: statsQueryKeys.countyEnterprises(code, query), queryFn: ({ signal }) => getCountyEnterprises(code, query, signal) });
  useEffect(() => {
    if (!list.isPending) onSettled();
  }, [list.isPending, onSettled]);

  if (list.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (list.isError) return <QueryErrorResult error={list.error} onRetry={() => void list.refetch()} title="服务企业加载失败" />;
  const { items, total } = list.data;
  if (total === 0) return <p>{year}年{name}的服务场次还没有走访企业。</p>;
  return (
    <>
      <p style={{ margin: "0 0 6px" }}>
        {year}年{name}共服务企业 {total.toLocaleString("zh-CN")} 家{total > shown ? `，以下为服务场次最多的 ${shown} 家` : ""}。
      </p>
      <div className="stats-report-scroll">
        <table className="stats-report-table" aria-label="服务企业">
          <thead>
            <tr>
              <th>企业</th>
              <th>服务场次</th>
              <th>解决问题(个)</th>
              <th>效益·预估(万元)</th>
              <th>效益·已核实(万元)</th>
              <th>最近走访</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>{e.name}</td>
                <td className="num">{e.sessions}</td>
                <td className="num">{e.problemsSolved}</td>
                <td className="num">{formatWan(e.benefitEstimatedYuan)}</td>
                <td className="num">{formatWan(e.benefitVerifiedYuan)}</td>
                <td className="num">{e.lastVisit}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
