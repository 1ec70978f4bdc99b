import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";

interface QuerySchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/**
 * A list's filters and paging, kept in the URL so Back from a detail page returns to the same list.
 * A hand-edited address that does not parse falls back to the first page.
 */
export function useUrlListQuery<T extends { page: number; pageSize: number }>(schema: QuerySchema<T>) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : ({ page: 1, pageSize: 20 } as T);
  }, [params, schema]);

  function update(next: Partial<Record<keyof T, string | number | undefined>>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged);
  }
  return { query, update };
}
