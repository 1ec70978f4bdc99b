import { useMemo } from "react";
import type { PageQuery } from "@jiangxin/domain";
import { useSearchParams } from "react-router-dom";

/** The slice of a zod schema this needs; every list query schema in @jiangxin/domain fits. */
export interface ListQuerySchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[] }[] } };
}

/** What a page writes: the raw values as they go into the address (undefined or "" removes the key). */
export type ListQueryPatch<T> = Partial<Record<keyof T, string | number | undefined>>;

/**
 * The list's state read from an address through the same schema the server validates with. A bad
 * value (a hand-edited `page=x`, an unknown status) is dropped on its own, so the other filters in
 * the link still apply; only a failure that names no key falls back to the schema's defaults.
 */
export function readListQuery<T extends PageQuery>(schema: ListQuerySchema<T>, params: URLSearchParams): T {
  const raw: Record<string, string> = Object.fromEntries([...params].filter(([, value]) => value !== ""));
  // Each round drops at least one key, so this ends within as many rounds as there are keys.
  for (;;) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    const bad = new Set(parsed.error.issues.map((issue) => issue.path[0]).filter((key) => typeof key === "string" && key in raw));
    if (bad.size === 0) return defaultsOf(schema);
    for (const key of bad) delete raw[key as string];
  }
}

function defaultsOf<T extends PageQuery>(schema: ListQuerySchema<T>): T {
  const parsed = schema.safeParse({});
  if (!parsed.success) throw new Error("A list query schema must accept an empty query");
  return parsed.data;
}

/**
 * The address after a change. Values equal to the schema's defaults (page 1, 20 a page) are left out
 * so links stay short and one view has one address; a change to anything but the paging starts the
 * list again from page 1, since page 5 of the old filter means nothing under the new one.
 */
export function writeListQuery<T extends PageQuery>(schema: ListQuerySchema<T>, params: URLSearchParams, patch: ListQueryPatch<T>): URLSearchParams {
  const defaults: Record<string, unknown> = { ...defaultsOf(schema) };
  const next = new URLSearchParams(params);
  let filterChanged = false;
  for (const [key, value] of Object.entries(patch) as [string, string | number | undefined][]) {
    const text = value === undefined || value === "" || String(value) === String(defaults[key]) ? null : String(value);
    if (key !== "page" && key !== "pageSize" && text !== next.get(key)) filterChanged = true;
    if (text === null) next.delete(key);
    else next.set(key, text);
  }
  if (filterChanged && !("page" in patch)) next.delete("page");
  return next;
}

/**
 * A list page's filters and paging, kept in the URL so Back from a detail page (or Back/Forward
 * between filters) returns to the same list, and a link opens exactly that view.
 */
export function useUrlListState<T extends PageQuery>(schema: ListQuerySchema<T>) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => readListQuery(schema, params), [schema, params]);

  /** `replace` corrects the address without a history entry (Back should not return to a bad page). */
  function update(patch: ListQueryPatch<T>, options?: { replace?: boolean }) {
    const next = writeListQuery(schema, params, patch);
    // Re-submitting the same search would otherwise add a history entry that Back seems to ignore.
    if (next.toString() !== params.toString()) setParams(next, { replace: options?.replace });
  }
  return { query, update };
}
