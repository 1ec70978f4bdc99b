import type { StatFigures } from "@jiangxin/domain";
import { reportFigureRows } from "../reportFigureRows";

/**
 * The six figures as the report prints them: counts exact, money in 万元, last year and the change
 * beside when last year has records. For the year so far, last year is counted to the same day
 * (`previousThrough`) and the header says so; a year without records gets a line saying so instead.
 */
export function ReportFiguresTable({ year, current, previous, previousThrough }: { year: number; current: StatFigures; previous: StatFigures | null; previousThrough?: string | null }) {
  const rows = reportFigureRows(current, previous);
  const compared = previous?.hasRecords === true;
  return (
    <>
      <table className="stats-report-table" aria-label="主要指标">
        <thead>
          <tr>
            <th>指标</th>
            <th>{year}年</th>
            {compared ? (
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
              {compared ? (
                <>
                  <td className="num">{row.previous}</td>
                  <td className="num">{row.change}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
      {previous && !compared ? <p style={{ fontSize: 11, margin: "4px 0 0" }}>{year - 1}年{previousThrough ? "同期" : ""}无数据（系统中没有该期记录），不作同比。</p> : null}
    </>
  );
}
