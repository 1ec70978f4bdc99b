/** The calendar date in China (UTC+8, no daylight saving): programme years and validity periods are Chinese dates. */
export function todayInChina(now: Date): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10);
}
