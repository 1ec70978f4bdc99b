import type { ImportRowError } from "@jiangxin/domain";
import type { z } from "zod";

/** Maps zod issues on an input object back to the spreadsheet column each field came from. */
export function zodIssuesToColumns(error: z.ZodError, columnOf: Record<string, string>): Omit<ImportRowError, "row">[] {
  return error.issues.map((issue) => {
    const field = String(issue.path[0] ?? "");
    return { column: columnOf[field] ?? field, message: issue.message };
  });
}
