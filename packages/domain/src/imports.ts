import { z } from "zod";

export const importKinds = ["enterprises", "experts", "demandLists", "people", "unions"] as const;
export const importKindSchema = z.enum(importKinds, { error: "不支持的导入类型" });
export type ImportKind = z.infer<typeof importKindSchema>;
export const importKindLabels: Record<ImportKind, string> = { enterprises: "企业", experts: "劳模工匠", demandLists: "需求清单", people: "职工", unions: "工会组织" };

/** One reason a spreadsheet row was refused: the row number as Excel shows it, and the column header. */
export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/**
 * A bulk import runs as a job so a large file can show progress. It imports every row or none:
 * `failed` with `errors` leaves the database as it was.
 */
export const importJobSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  status: z.enum(["checking", "saving", "done", "failed"]),
  total: z.number().int(),
  checked: z.number().int(),
  imported: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** Set when the file itself could not be read. */
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
