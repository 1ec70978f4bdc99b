import {
  pageOf,
  paymentBatchSchema,
  paymentResultsOutcomeSchema,
  reviewOutcomeSchema,
  upskillingApplicationSchema,
  upskillingSchemeViewSchema,
  upskillingStatsSchema,
  type BankCardUpdate,
  type PaymentBatch,
  type ReviewDecision,
  type ReviewOutcome,
  type UpskillingApplication,
  type UpskillingApplicationInput,
  type UpskillingSchemeView,
  type UpskillingStats,
} from "@jiangxin/domain";
import { request } from "../../app/request";

export const upskillingKeys = {
  scheme: ["upskilling", "scheme"] as const,
  mine: ["upskilling", "mine"] as const,
  list: (q: Record<string, unknown>) => ["upskilling", "list", q] as const,
  batches: ["upskilling", "batches"] as const,
  stats: (year: number | undefined) => ["upskilling", "stats", year ?? "current"] as const,
  all: ["upskilling"] as const,
};

const itemsOf = <T>(item: { parse(d: unknown): T }) => ({
  parse(data: unknown): T[] {
    const items = (data as { items?: unknown } | null)?.items;
    if (!Array.isArray(items)) throw new Error("items missing");
    return items.map((i) => item.parse(i));
  },
});

export const fetchScheme = (signal?: AbortSignal): Promise<UpskillingSchemeView> => request("/api/public/upskilling/scheme", { schema: upskillingSchemeViewSchema, signal });
export const submitApplication = (body: UpskillingApplicationInput): Promise<UpskillingApplication> =>
  request("/api/upskilling/applications", { method: "POST", body, schema: upskillingApplicationSchema });
export const fetchMine = (signal?: AbortSignal): Promise<UpskillingApplication[]> => request("/api/upskilling/my/applications", { schema: itemsOf(upskillingApplicationSchema), signal });
export const fixBankCard = (id: string, body: BankCardUpdate): Promise<UpskillingApplication> =>
  request(`/api/upskilling/my/applications/${id}/bank-card`, { method: "PUT", body, schema: upskillingApplicationSchema });

export type ListQuery = { page: number; pageSize: number; status?: string | undefined; mine?: "true" | undefined; q?: string | undefined };
const applicationPage = pageOf(upskillingApplicationSchema);
export const listApplications = (query: ListQuery, signal?: AbortSignal) => request("/api/upskilling/applications", { query, schema: applicationPage, signal });
export const decide = (body: ReviewDecision): Promise<ReviewOutcome> => request("/api/upskilling/applications/review", { method: "POST", body, schema: reviewOutcomeSchema });

export const fetchBatches = (signal?: AbortSignal): Promise<PaymentBatch[]> => request("/api/upskilling/payment-batches", { schema: itemsOf(paymentBatchSchema), signal });
export const createBatch = (cityCode: string | undefined): Promise<PaymentBatch> =>
  request("/api/upskilling/payment-batches", { method: "POST", body: cityCode ? { cityCode } : {}, schema: paymentBatchSchema });
export const importResults = (id: string, csv: string) => request(`/api/upskilling/payment-batches/${id}/results`, { method: "POST", body: { csv }, schema: paymentResultsOutcomeSchema });

export const fetchStats = (year: number | undefined, signal?: AbortSignal): Promise<UpskillingStats> =>
  request("/api/upskilling/stats", { query: { year }, schema: upskillingStatsSchema, signal });
