/**
 * For a year asked about on `today` (China dates): the same day of the year before when `year` is
 * today's year, else null (a past year compares whole years). 29 February falls back to the 28th.
 */
export function samePeriodLastYear(year: number, today: string): string | null {
  if (Number(today.slice(0, 4)) !== year) return null;
  const month = Number(today.slice(5, 7));
  const day = Number(today.slice(8, 10));
  const lastOfMonth = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return new Date(Date.UTC(year - 1, month - 1, Math.min(day, lastOfMonth))).toISOString().slice(0, 10);
}
