import type { StatsMonthly } from "@jiangxin/domain";
import { countCards } from "../../indicators/indicatorCards";
import { formatWan } from "../../../../app/yuan";
import { noData } from "../reportFigureRows";

/** Twelve months by the six figures, for readers who want the numbers under the chart. */
export function ReportMonthlyTable({ monthly }: { monthly: StatsMonthly }) {
  const byMonth = new Map(monthly.months.map((m) => [m.month, m]));
  return (
    <table className="stats-report-table" aria-label="月度指标">
      <thead>
        <tr>
          <th>月份</th>
          {countCards.map((card) => (
            <th key={card.key}>
              {card.title}({card.unit})
            </th>
          ))}
          <th>经济效益·预估(万元)</th>
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: 12 }, (_, i) => {
          const row = byMonth.get(i + 1);
          return (
            <tr key={i}>
              <td>{i + 1}月</td>
              {!row?.hasRecords ? (
                // A month without a single record (one not yet come, or before the programme) is not a month of zeros.
                <td colSpan={countCards.length + 1} style={{ textAlign: "center", color: "#8c8c8c" }}>
                  {noData}
                </td>
              ) : (
                <>
                  {countCards.map((card) => (
                    <td key={card.key} className="num">
                      {row[card.key].toLocaleString("zh-CN")}
                    </td>
                  ))}
                  <td className="num">{formatWan(row.benefitEstimatedYuan)}</td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
