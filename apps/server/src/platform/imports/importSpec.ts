import type { ImportKind, ImportRowError } from "@jiangxin/domain";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import type { Db } from "../db/database";

export type ImportColumn = {
  header: string;
  required: boolean;
  note: string;
  /** Shown in the template's 填写说明 sheet only; a data row equal to the examples is skipped (old templates carried it as row 2). */
  example: string;
  /**
   * Accepted values: the template offers them as a drop-down (Excel data validation) and lists them
   * in 填写说明; a refused cell names them. A function when they depend on who imports (their counties),
   * async when they are records (a programme's open rounds and sessions).
   */
  choices?: readonly string[] | ((ctx: AppContext, actor: Actor) => readonly string[] | Promise<readonly string[]>);
  /** Several values in one cell (焊工、装配钳工): the drop-down suggests without refusing typed lists. */
  multiple?: boolean;
};

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
