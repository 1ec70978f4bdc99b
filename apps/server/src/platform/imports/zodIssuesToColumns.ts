import type { ImportRowError } from "@jiangxin/domain";
import type { z } from "zod";

/** Maps zod issues on an input object back to the spreadsheet column each field came from. */
export function zodIssuesToColumns(error: z.ZodError, columnOf: Record<string, string>): Omit<ImportRowError, "row">[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return { column: columnOf[field] ?? field, message: issue.message };
  });
}

/**
 * A row's errors: the row's own findings first (a county name that names none, a level not in the
 * list), then the schema's on the columns the row's own checks did not already speak for.
 */
export function rowErrors(own: Omit<ImportRowError, "row">[], parsed: { success: true } | { success: false; error: z.ZodError }, columnOf: Record<string, string>): Omit<ImportRowError, "row">[] {
  if (parsed.success) return own;
  return [...own, ...zodIssuesToColumns(parsed.error, columnOf).filter((e) => !own.some((o) => o.column === e.column))];
}
