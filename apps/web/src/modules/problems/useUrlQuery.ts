import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";

interface QuerySchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false };
}

/**
 * Filters and paging kept in the URL (so Back from a detail page returns to the same list), read
 * through the same domain schema the server validates with.
 */
export function useUrlQuery<T>(schema: QuerySchema<T>, fallback: T) {
  const [params, setParams] = useSearchParams();
  const query = useMemo(() => {
    const raw = Object.fromEntries([...params].filter(([, value]) => value !== ""));
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : fallback;
    // `fallback` is a constant per page; the params are what changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [params, schema]);

  function update(next: Record<string, string | number | undefined>) {
    const merged = new URLSearchParams(params);
    for (const [key, value] of Object.entries(next)) {
      if (value === undefined || value === "") merged.delete(key);
      else merged.set(key, String(value));
    }
    setParams(merged);
  }
  return { query, update };
}
