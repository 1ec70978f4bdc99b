import { z } from "zod";

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

/** Accepting many submitted problems at once (待受理 → 已受理); each is moved on its own and may fail alone. */
export const problemBatchAcceptSchema = z.strictObject({
  ids: z.array(z.uuid({ error: "难题编号格式不正确" }), { error: "请选择难题" }).min(1, { error: "请至少选择一个难题" }).max(100, { error: "一次最多受理100个难题" }),
});
export const problemBatchResultSchema = z.object({
  done: z.array(z.string()),
  failed: z.array(z.object({ id: z.string(), title: z.string(), message: z.string() })),
});
export type ProblemBatchResult = z.infer<typeof problemBatchResultSchema>;
