import type { TodoKind } from "@jiangxin/domain";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Db } from "../db/database";
import { addresseeColumns, type TodoAddressee } from "./addressedTo";
import { todos } from "./tables";

/** The work a to-do is about: the programme that raised it and its record (a demand list's id, say). */
export type TodoSource = { programme: string; recordId: string };

export type RaiseTodo = {
  kind: TodoKind;
  title: string;
  /** A web path starting with "/": where the reader does the work. */
  link: string;
  to: TodoAddressee;
  source: TodoSource;
  /** China date YYYY-MM-DD by which the work is due, if any. */
  dueDate?: string | null;
  at: Date;
};

/**
 * Raises a to-do inside the caller's transaction (the caller audits its own action). One open to-do
 * per source and kind: raising again while it is open refreshes it (title, link, addressee, due date,
 * time raised) instead of adding a second one. Returns the to-do's id.
 */
export async function raiseTodo(tx: Db, todo: RaiseTodo): Promise<string> {
  const [id] = await raiseTodos(tx, [todo]);
  if (!id) throw new Error("upsert returned no row");
  return id;
}

/** Many to-dos in one statement (the demo's backlog, a batch job), with raiseTodo's rule per source and kind. */
export async function raiseTodos(tx: Db, list: readonly RaiseTodo[]): Promise<string[]> {
  if (list.length === 0) return [];
  const rows = list.map((todo) => {
    if (!todo.link.startsWith("/")) throw new Error(`A to-do's link is a web path, got ${todo.link}`);
    return {
      kind: todo.kind,
      title: todo.title,
      link: todo.link,
      ...addresseeColumns(todo.to),
      dueDate: todo.dueDate ?? null,
      raisedAt: todo.at,
      sourceProgramme: todo.source.programme,
      sourceRecordId: todo.source.recordId,
    };
  });
  const excluded = (col: string) => sql.raw(`excluded.${col}`);
  const inserted = await tx
    .insert(todos)
    .values(rows)
    .onConflictDoUpdate({
      target: [todos.sourceProgramme, todos.sourceRecordId, todos.kind],
      targetWhere: sql`closed_at is null`,
      set: {
        title: excluded("title"),
        link: excluded("link"),
        addressee: excluded("addressee"),
        role: excluded("role"),
        regionCode: excluded("region_code"),
        unionId: excluded("union_id"),
        enterpriseId: excluded("enterprise_id"),
        userId: excluded("user_id"),
        dueDate: excluded("due_date"),
        raisedAt: excluded("raised_at"),
      },
    })
    .returning({ id: todos.id });
  return inserted.map((r) => r.id);
}

/**
 * Closes the open to-dos of a source (of the given kinds only, when given) inside the caller's
 * transaction: the work is done. Closing what is not open is no error. Returns how many closed.
 */
export async function closeTodos(tx: Db, opts: { source: TodoSource; kinds?: readonly TodoKind[]; at: Date }): Promise<number> {
  const closed = await tx
    .update(todos)
    .set({ closedAt: opts.at })
    .where(
      and(
        eq(todos.sourceProgramme, opts.source.programme),
        eq(todos.sourceRecordId, opts.source.recordId),
        isNull(todos.closedAt),
        opts.kinds ? inArray(todos.kind, [...opts.kinds]) : undefined,
      ),
    )
    .returning({ id: todos.id });
  return closed.length;
}
