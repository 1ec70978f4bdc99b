import type { StatFigures } from "@jiangxin/domain";
import { benefitCard, countCards } from "../indicators/indicatorCards";
import { yearChange } from "../indicators/yearChange";
import { formatWan, yuanToFen } from "../../../app/yuan";

export interface ReportFigureRow {
  label: string;
  current: string;
  /** Absent when there is no earlier period to set beside it (a campaign, or a year without records). */
  previous?: string;
  change?: string;
}

/** What a period with no records at all shows instead of zeros. */
export const noData = "无数据";

/**
 * The report's figures table: counts as counted, money in 万元 with two decimals (the label says so).
 * Last year's column only when last year has records (the server's hasRecords): a year before the
 * programme was recorded is not a year of zeros, and a change against it means nothing.
 */
export function reportFigureRows(current: StatFigures, previous: StatFigures | null): ReportFigureRow[] {
  const then = previous?.hasRecords ? previous : null;
  const cell = (f: StatFigures, text: string) => (f.hasRecords ? text : noData);
  const change = (now: bigint, before: bigint) => (current.hasRecords ? (yearChange(now, before)?.text ?? "—") : "—");
  const counts = countCards.map((card) => ({
    label: `${card.title}(${card.unit})`,
    current: cell(current, current[card.key].toLocaleString("zh-CN")),
    ...(then ? { previous: then[card.key].toLocaleString("zh-CN"), change: change(BigInt(current[card.key]), BigInt(then[card.key])) } : {}),
  }));
  const money = (label: string, pick: (f: StatFigures) => string) => ({
    label: `${benefitCard.title}·${label}(万元)`,
    current: cell(current, formatWan(pick(current))),
    ...(then ? { previous: formatWan(pick(then)), change: change(yuanToFen(pick(current)) ?? 0n, yuanToFen(pick(then)) ?? 0n) } : {}),
  });
  return [...counts, money("预估", (f) => f.benefitEstimatedYuan), money("已核实", (f) => f.benefitVerifiedYuan)];
}
