/**
 * China-time date arithmetic, the one owner for server and web. The federation works in China time
 * (UTC+8, no daylight saving): programme years, "today", due dates and validity periods are Chinese
 * calendar dates, written YYYY-MM-DD; instants are Dates.
 */
const offsetMs = 8 * 3_600_000;
const dayMs = 86_400_000;

/** The China calendar date of an instant (an ISO timestamp or a Date). */
export function chinaDayOf(at: Date | string): string {
  return new Date(new Date(at).getTime() + offsetMs).toISOString().slice(0, 10);
}

/** Today's date in China. */
export function todayInChina(now: Date): string {
  return chinaDayOf(now);
}

/** The China calendar year of an instant. */
export function chinaYearOf(now: Date): number {
  return new Date(now.getTime() + offsetMs).getUTCFullYear();
}

/** The China calendar month (1–12) of an instant. */
export function chinaMonthOf(now: Date): number {
  return new Date(now.getTime() + offsetMs).getUTCMonth() + 1;
}

/** Midnight in China at the start of a date. */
export function chinaMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}

/** Noon in China on a date: the instant on which UTC and China agree about the day. */
export function chinaNoon(day: string): Date {
  return new Date(`${day}T12:00:00+08:00`);
}

/** A date `n` days after `day` (before, for negative `n`). */
export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * dayMs).toISOString().slice(0, 10);
}

/** The date after `day`. */
export function nextDay(day: string): string {
  return addDays(day, 1);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** A programme year as a half-open range of China time, as instants and as dates. */
export function chinaYearRange(year: number): { from: Date; to: Date; fromDate: string; toDate: string } {
  return { from: chinaMidnight(`${year}-01-01`), to: chinaMidnight(`${year + 1}-01-01`), fromDate: `${year}-01-01`, toDate: `${year + 1}-01-01` };
}

/** Share of a China calendar year gone by at `now`: 0 before it starts, 1 once it is over (4 decimals). */
export function yearElapsed(year: number, now: Date): number {
  const { from, to } = chinaYearRange(year);
  const share = (now.getTime() - from.getTime()) / (to.getTime() - from.getTime());
  return Math.round(Math.min(1, Math.max(0, share)) * 10_000) / 10_000;
}
