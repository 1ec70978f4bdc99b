import { priorityKindLabels, type StatsByRegion } from "@jiangxin/domain";
import { countCards } from "../../indicators/indicatorCards";
import { formatWan } from "../../../../app/yuan";

/** The children's figures on paper, with the region's total last. */
export function ReportRegionTable({ data, childLabel }: { data: StatsByRegion; childLabel: string }) {
  return (
    <table className="stats-report-table" aria-label="分区指标">
      <thead>
        <tr>
          <th>{childLabel}</th>
          {countCards.map((card) => (
            <th key={card.key}>
              {card.title}({card.unit})
            </th>
          ))}
          <th>效益·预估(万元)</th>
          <th>效益·已核实(万元)</th>
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row) => (
          <tr key={row.code}>
            <td style={{ whiteSpace: "nowrap" }}>
              {row.name}
              {row.priority.length > 0 ? <span style={{ fontSize: 10, color: "#595959" }}>（{row.priority.map((k) => priorityKindLabels[k]).join("、")}）</span> : null}
            </td>
            {countCards.map((card) => (
              <td key={card.key} className="num">
                {row[card.key].toLocaleString("zh-CN")}
              </td>
            ))}
            <td className="num">{formatWan(row.benefitEstimatedYuan)}</td>
            <td className="num">{formatWan(row.benefitVerifiedYuan)}</td>
          </tr>
        ))}
        <tr style={{ fontWeight: 600 }}>
          <td>合计</td>
          {countCards.map((card) => (
            <td key={card.key} className="num">
              {data.total[card.key].toLocaleString("zh-CN")}
            </td>
          ))}
          <td className="num">{formatWan(data.total.benefitEstimatedYuan)}</td>
          <td className="num">{formatWan(data.total.benefitVerifiedYuan)}</td>
        </tr>
      </tbody>
    </table>
  );
}
