import { z } from "zod";

export const importKinds = ["enterprises", "experts", "demandLists", "people", "unions", "memberRoster", "recuperationApplications", "recuperationQuotas"] as const;
export const importKindSchema = z.enum(importKinds, { error: "不支持的导入类型" });
export type ImportKind = z.infer<typeof importKindSchema>;
export const importKindLabels: Record<ImportKind, string> = { enterprises: "企业", experts: "劳模工匠", demandLists: "需求清单", people: "职工", unions: "工会组织", memberRoster: "会员名册", recuperationApplications: "疗休养申请", recuperationQuotas: "疗休养名额分配" };

/** One reason a spreadsheet row was refused: the row number as Excel shows it, and the column header. */
export const importRowErrorSchema = z.object({ row: z.number().int(), column: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/**
 * How a file with some bad rows is treated. `all`: every row or none (the default; nothing changes
 * until the whole file is right). `partial`: the good rows are saved and the bad ones come back as
 * a spreadsheet with a 错误原因 column, to be fixed and uploaded again.
 */
export const importModes = ["all", "partial"] as const;
export const importModeSchema = z.enum(importModes, { error: "导入方式应为 all(全部成功才导入) 或 partial(导入正确的行)" });
export type ImportMode = z.infer<typeof importModeSchema>;

/** "第5行「企业规模」：…" — how one reason reads on its own, in the drawer and in the error file. */
export function importErrorText(e: ImportRowError): string {
  return `第${e.row}行「${e.column}」：${e.message}`;
}

/**
 * A bulk import runs as a job so a large file can show progress. In `all` mode it imports every row
 * or none: `failed` with `errors` leaves the database as it was. In `partial` mode `done` may come
 * with `skipped` bad rows, listed in `errors` and downloadable (with reasons) while the job is kept.
 */
export const importJobSchema = z.object({
  id: z.string(),
  kind: importKindSchema,
  mode: importModeSchema,
  status: z.enum(["checking", "saving", "done", "failed"]),
  total: z.number().int(),
  checked: z.number().int(),
  imported: z.number().int(),
  /** Rows left out: bad rows (partial mode) — `errorRows` counts the rows the error file holds. */
  skipped: z.number().int(),
  errorRows: z.number().int(),
  /** Rows of an old template's example, recognised and not imported. */
  exampleRows: z.number().int(),
  errors: z.array(importRowErrorSchema),
  /** Set when the file itself could not be read. */
  message: z.string().nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
