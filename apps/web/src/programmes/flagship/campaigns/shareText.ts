/**
 * A county's share of a campaign target as the page writes it: whole, rounded up. Shares are rarely
 * whole (30 sessions over 26 counties is 1.15 each), but nobody holds 0.15 of a session or 0.4 of a
 * 人次; a county has met its share exactly when its whole-number count reaches the rounded-up share.
 */
export function shareText(share: number): string {
  return Math.ceil(share - 1e-9).toLocaleString("zh-CN");
}
