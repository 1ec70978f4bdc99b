import type { ImportKind, ImportRowError } from "@jiangxin/domain";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import type { Db } from "../db/database";

export type ImportColumn = { header: string; required: boolean; note: string; example: string };

export type ParsedRow<T> = { row: number; value: T };

/** What a kind of bulk import knows: its columns, how to read one row, and how to save them all. */
export type ImportSpec<T> = {
  kind: ImportKind;
  sheetName: string;
  columns: ImportColumn[];
  /** Row-local checks: the row's own cells. Errors name the column. */
  parseRow(cells: Record<string, string>, ctx: AppContext, actor: Actor): { ok: true; value: T } | { ok: false; errors: Omit<ImportRowError, "row">[] };
  /** Checks across rows and against the database (duplicates, existing records). */
  checkAll(rows: ParsedRow<T>[], ctx: AppContext, actor: Actor): Promise<ImportRowError[]>;
  /** Saves every row inside the given transaction; throws to roll back. Returns how many records. */
  saveAll(tx: Db, rows: ParsedRow<T>[], ctx: AppContext, actor: Actor): Promise<number>;
};
