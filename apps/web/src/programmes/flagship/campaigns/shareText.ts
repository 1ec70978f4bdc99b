import { wholeShare } from "@jiangxin/domain";

/** A county's share of a target as the page writes it: whole, rounded up (wholeShare), thousands grouped. */
export function shareText(share: number): string {
  return wholeShare(share).toLocaleString("zh-CN");
}
