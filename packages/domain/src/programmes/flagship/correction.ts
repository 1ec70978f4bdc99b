import { z } from "zod";

/**
 * Correcting the record without losing it. A record that counts in the statistics is edited only with
 * a reason; staff void a wrong record with a reason (it stays, marked 已作废, and leaves every figure);
 * an enterprise withdraws its own list before the union accepts it. Nothing is deleted: each change is
 * a correction entry (before → after) and an audit row.
 */
export const correctionReasonSchema = z
  .string({ error: "请填写更正理由" })
  .trim()
  .min(4, "请填写更正理由(至少4个字)")
  .max(500, "更正理由不超过500个字");

export const voidInputSchema = z.strictObject({
  reason: z.string({ error: "请填写作废理由" }).trim().min(4, "请填写作废理由(至少4个字)").max(500, "作废理由不超过500个字"),
});
export type VoidInput = z.infer<typeof voidInputSchema>;

export const withdrawInputSchema = z.strictObject({
  reason: z.string().trim().max(500, "撤回说明不超过500个字").optional(),
});
export type WithdrawInput = z.infer<typeof withdrawInputSchema>;

/**
 * `?showVoided=true` on a list: voided records leave every list by default (they are no one's work and
 * count nowhere); the 显示已作废 filter brings them back, marked 已作废.
 */
export const showVoidedQuerySchema = z.enum(["true", "false"], { error: "showVoided 应为 true 或 false" }).transform((v) => v === "true").optional();

/** A voided record: when, why and by whom; null while it counts. */
export const voidedSchema = z.object({ at: z.string(), reason: z.string(), byName: z.string() });
export type Voided = z.infer<typeof voidedSchema>;

export const correctionKinds = ["edit", "void", "withdraw"] as const;
export const correctionKindLabels: Record<(typeof correctionKinds)[number], string> = { edit: "更正", void: "作废", withdraw: "撤回" };
export const correctableObjects = ["serviceSession", "training", "agreement", "problem", "demandList"] as const;
export type CorrectableObject = (typeof correctableObjects)[number];

/** One changed field: its label as the page shows it, and the text before and after. */
export const correctionChangeSchema = z.object({ field: z.string(), label: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export type CorrectionChange = z.infer<typeof correctionChangeSchema>;

/** One entry of a record's correction history, oldest first. */
export const correctionEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum(correctionKinds),
  reason: z.string().nullable(),
  byName: z.string(),
  changes: z.array(correctionChangeSchema),
});
export type CorrectionEntry = z.infer<typeof correctionEntrySchema>;
export const correctionListSchema = z.array(correctionEntrySchema);

/**
 * What tells an expert apart from another of the same name (the pool has 2×郭红英, 3×林雪梅): work
 * unit, home county and skill level, shown beside the name in every picker, tag, list and timeline.
 */
export const expertIdentitySchema = z.object({ id: z.string(), name: z.string(), detail: z.string() });
export type ExpertIdentity = z.infer<typeof expertIdentitySchema>;
export const expertDetailOf = (e: { employer: string; homeCountyName: string; skillLevelLabel: string }) => [e.employer, e.homeCountyName, e.skillLevelLabel].filter((s) => s !== "").join(" · ");
