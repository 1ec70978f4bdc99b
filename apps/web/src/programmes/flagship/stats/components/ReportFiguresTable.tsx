import type { StatFigures } from "@jiangxin/domain";
import { benefitCard, countCards } from "../../indicators/indicatorCards";
import { yearChange } from "../../indicators/yearChange";
import { formatYuanExact, yuanToFen } from "../../outcomes/yuan";
import { yuanText } from "../statsFigures";

interface Row {
  label: string;
  current: string;
  previous: string;
  change: string;
}

function rowsOf(current: StatFigures, previous: StatFigures | null): Row[] {
  const change = (now: bigint, then: bigint) => yearChange(now, then)?.text ?? "—";
  const counts = countCards.map((card) => ({
    label: `${card.title}(${card.unit})`,
    current: current[card.key].toLocaleString("zh-CN"),
    previous: previous ? previous[card.key].toLocaleString("zh-CN") : "",
    change: previous ? change(BigInt(current[card.key]), BigInt(previous[card.key])) : "",
  }));
  const money = (label: string, pick: (f: StatFigures) => string) => ({
    label: `${benefitCard.title}·${label}(元)`,
    current: `${formatYuanExact(pick(current))}（${yuanText(pick(current))}）`,
    previous: previous ? `${formatYuanExact(pick(previous))}（${yuanText(pick(previous))}）` : "",
    change: previous ? change(yuanToFen(pick(current)) ?? 0n, yuanToFen(pick(previous)) ?? 0n) : "",
  });
  return [...counts, money("预估", (f) => f.benefitEstimatedYuan), money("已核实", (f) => f.benefitVerifiedYuan)];
}

/**
 * The six figures as the report prints them: exact numbers, last year and the change beside. For
 * the year so far, last year is counted to the same day (`previousThrough`) and the header says so.
 */
export function ReportFiguresTable({ year, current, previous, previousThrough }: { year: number; current: StatFigures; previous: StatFigures | null; previousThrough?: string | null }) {
  const rows = rowsOf(current, previous);
  return (
    <table className="stats-report-table" aria-label="主要指标">
      <thead>
        <tr>
          <th>指标</th>
          <th>{year}年</th>
          {previous ? (
            <>
              <th>{previousThrough ? `${year - 1}年同期（至${Number(previousThrough.slice(5, 7))}月${Number(previousThrough.slice(8, 10))}日）` : `${year - 1}年`}</th>
              <th>同比</th>
            </>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.label}>
            <td>{row.label}</td>
            <td className="num" data-figure={row.label}>
              {row.current}
            </td>
            {previous ? (
              <>
                <td className="num">{row.previous}</td>
                <td className="num">{row.change}</td>
              </>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
