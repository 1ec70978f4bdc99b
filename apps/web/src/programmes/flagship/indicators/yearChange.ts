/**
 * How a figure moved against the previous year, as the caption under each card says it:
 * "+12.3%", "-4.0%", "持平", or null when last year had nothing to compare with.
 * Works on whole numbers or exact fen (bigint), so money is compared without floats.
 */
export function yearChange(current: bigint, previous: bigint): { text: string; direction: "up" | "down" | "flat" } | null {
  if (previous === 0n) return null;
  if (current === previous) return { text: "持平", direction: "flat" };
  // Tenths of a percent, rounded half away from zero.
  const diff = current - previous;
  const magnitude = diff < 0n ? -diff : diff;
  const tenths = (magnitude * 2000n + previous) / (2n * previous);
  const text = `${diff < 0n ? "-" : "+"}${(tenths / 10n).toString()}.${(tenths % 10n).toString()}%`;
  return { text, direction: diff < 0n ? "down" : "up" };
}
