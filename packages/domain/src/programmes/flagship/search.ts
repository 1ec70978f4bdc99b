import { z } from "zod";
import { pageQuerySchema } from "../../paging";

/** One search box over the flagship: enterprise (name or credit code), expert, problem (number or title), session. */
export const flagshipSearchQuerySchema = z.strictObject({
  q: z.string({ error: "请输入搜索内容" }).trim().min(1, { error: "请输入搜索内容" }).max(50, { error: "搜索内容不超过50个字" }),
});

export const flagshipSearchKinds = ["problem", "enterprise", "expert", "session"] as const;
export const flagshipSearchKindLabels: Record<(typeof flagshipSearchKinds)[number], string> = { problem: "难题", enterprise: "企业", expert: "专家", session: "服务场次" };

export const flagshipSearchHitSchema = z.object({
  kind: z.enum(flagshipSearchKinds),
  id: z.string(),
  title: z.string(),
  /** What tells it apart: a problem's number and firm, an expert's employer and county, a session's date. */
  subtitle: z.string(),
  /** The page to open. */
  link: z.string(),
});
export type FlagshipSearchHit = z.infer<typeof flagshipSearchHitSchema>;
export const flagshipSearchResultSchema = z.object({ items: z.array(flagshipSearchHitSchema) });
export type FlagshipSearchResult = z.infer<typeof flagshipSearchResultSchema>;

/**
 * Batch actions on the problem list (批量受理, 批量指派, 纳入场次): one request, all or nothing. Every row
 * is checked and moved in one transaction, each with its own audit row; if any row is refused nothing
 * is saved and the 409 names each refused row with its reason (fields: problem id → “标题：原因”).
 */
const batchIds = (most: number, verb: string) =>
  z.array(z.uuid({ error: "难题编号格式不正确" }), { error: "请选择难题" }).min(1, { error: "请至少选择一个难题" }).max(most, { error: `一次最多${verb}${most}个难题` });
export const problemBatchAcceptSchema = z.strictObject({
  ids: batchIds(100, "受理"),
});

/** 批量指派: one expert owns every selected problem (each 已受理 → 已匹配专家), with the reason on each timeline. */
export const problemBatchAssignSchema = z.strictObject({
  ids: batchIds(100, "指派"),
  expertId: z.uuid({ error: "请选择负责专家" }),
  reason: z.string({ error: "请填写指派理由" }).trim().min(1, { error: "请填写指派理由" }).max(500, { error: "指派理由不超过500个字" }),
});
export type ProblemBatchAssign = z.infer<typeof problemBatchAssignSchema>;

/** 纳入场次: the selected problems go on one service session's lists (their firms must be among its firms). */
export const problemBatchLinkSchema = z.strictObject({
  ids: batchIds(50, "纳入"),
  sessionId: z.uuid({ error: "请选择服务场次" }),
});
export type ProblemBatchLink = z.infer<typeof problemBatchLinkSchema>;

/** 导出所选: the selected rows, as ids joined by commas in the query string. */
export const problemSelectionExportQuerySchema = pageQuerySchema.extend({
  ids: z
    .string({ error: "请选择要导出的难题" })
    .transform((v) => v.split(",").filter((x) => x !== ""))
    .pipe(batchIds(500, "导出")),
});
export type ProblemSelectionExportQuery = z.infer<typeof problemSelectionExportQuerySchema>;
/** What a batch saved: every selected problem (a refusal is a 409 and saves none). */
export const problemBatchResultSchema = z.object({
  done: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), title: z.string(), message: z.string() })),
});
export type ProblemBatchResult = z.infer<typeof problemBatchResultSchema>;
