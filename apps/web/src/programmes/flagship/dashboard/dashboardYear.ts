import { chinaYearOf, type StatsSummary } from "@jiangxin/domain";

export type DashboardYear = { year: number; fellBack: boolean } | { year: null };

/**
 * The year the dashboard opens on: the one in the address, else this year, or last year when this
 * year has no sessions yet but last year does (the demo, and every January). `probe` is this year's
 * summary (which carries last year's figures too); until it arrives the year is not known.
 */
export function dashboardYear(asked: number | undefined, thisYear: number, probe: StatsSummary | undefined): DashboardYear {
  if (asked !== undefined) return { year: asked, fellBack: false };
  if (!probe) return { year: null };
  const fellBack = probe.current.sessions === 0 && probe.previous.sessions > 0;
  return { year: fellBack ? thisYear - 1 : thisYear, fellBack };
}

/** A year from the address, or undefined when there is none or it is not a sensible one. */
export function readDashboardYear(params: URLSearchParams, now: Date = new Date()): number | undefined {
  const text = params.get("year") ?? "";
  const year = /^\d{4}$/.test(text) ? Number(text) : NaN;
  return year >= 2015 && year <= chinaYearOf(now) ? year : undefined;
}
