import {
  dailyRedemptionsSchema,
  inclusiveFiguresSchema,
  myVouchersSchema,
  redemptionPointListSchema,
  voucherIssueResultSchema,
  voucherRedeemResultSchema,
  type DailyRedemptions,
  type InclusiveFigures,
  type MyVouchers,
  type VoucherIssue,
  type VoucherRedeemResult,
} from "@jiangxin/domain";
import type { z } from "zod";
import { request } from "../../app/request";

export const inclusiveKeys = {
  figures: (year: number, regionCode: string | undefined) => ["inclusive", "figures", year, regionCode ?? "all"] as const,
  daily: ["inclusive", "daily"] as const,
  points: ["inclusive", "points"] as const,
  mine: ["inclusive", "mine"] as const,
};

export function fetchFigures(year: number, regionCode: string | undefined, signal?: AbortSignal): Promise<InclusiveFigures> {
  const q = new URLSearchParams({ year: String(year), ...(regionCode ? { regionCode } : {}) });
  return request(`/api/inclusive/figures?${q.toString()}`, { schema: inclusiveFiguresSchema, signal });
}
export function fetchDaily(signal?: AbortSignal): Promise<DailyRedemptions> {
  return request("/api/inclusive/vouchers/daily", { schema: dailyRedemptionsSchema, signal });
}
export function issueVouchers(body: VoucherIssue): Promise<z.infer<typeof voucherIssueResultSchema>> {
  return request("/api/inclusive/vouchers/issue", { method: "POST", body, schema: voucherIssueResultSchema });
}
/**
 * Each scan is its own submission: without its own key, request() treats the same code again within
 * 10 s as a double click and the server replays the first answer, so a voucher scanned twice would
 * read 核销成功 twice instead of being refused.
 */
export function redeemVoucher(code: string): Promise<VoucherRedeemResult> {
  const idempotencyKey = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
  return request("/api/inclusive/vouchers/redeem", { method: "POST", body: { code }, schema: voucherRedeemResultSchema, idempotencyKey });
}
export function fetchPoints(signal?: AbortSignal): Promise<z.infer<typeof redemptionPointListSchema>> {
  return request("/api/inclusive/points", { schema: redemptionPointListSchema, signal });
}
export function addPoint(body: { name: string; kind: "canteen" | "station" }): Promise<z.infer<typeof redemptionPointListSchema>> {
  return request("/api/inclusive/points", { method: "POST", body, schema: redemptionPointListSchema });
}
export function fetchMyVouchers(signal?: AbortSignal): Promise<MyVouchers> {
  return request("/api/me/vouchers", { schema: myVouchersSchema, signal });
}
