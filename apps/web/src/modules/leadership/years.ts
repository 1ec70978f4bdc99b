/** The year in China (UTC+8), which is what figures and targets are counted by, whatever the browser's zone. */
export function chinaYear(now: Date = new Date()): number {
  return new Date(now.getTime() + 8 * 3600_000).getUTCFullYear();
}

/** Years a reader may pick: from 2015 to next year (targets are set ahead). */
export function yearOptions(thisYear: number): { value: number; label: string }[] {
  const out = [];
  for (let y = thisYear + 1; y >= 2015; y--) out.push({ value: y, label: `${y}年` });
  return out;
}
