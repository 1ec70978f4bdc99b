import { todayInChina } from "@jiangxin/domain";
import type { Actor } from "./actor";
import { zhejiangRegions } from "./regions/regionSeed";

let names: Map<string, string> | null = null;
/** Region names from the seed (GB/T 2260), read once: enough to name a file, no database round trip. */
function regionName(code: string): string {
  names ??= new Map(zhejiangRegions().map((r) => [r.code, r.name]));
  return names.get(code) ?? code;
}

/**
 * What an export is about, for its file name: the region the list was filtered to, else the reader's
 * own region (浙江省 for the province), else nothing (an expert's or a worker's own records).
 */
export function exportScope(actor: Pick<Actor, "regionCode" | "scope">, query?: unknown): string | null {
  const q = (query ?? {}) as Record<string, unknown>;
  const filtered = [q.countyCode, q.regionCode].find((v): v is string => typeof v === "string" && /^\d{6}$/.test(v));
  if (filtered) return regionName(filtered);
  if (actor.regionCode) return regionName(actor.regionCode);
  if (actor.scope.kind === "all") return regionName("330000");
  return null;
}

/**
 * The one place an export's file name is made: what it is, whose, and the China date it was taken,
 * e.g. 服务场次_淳安县_2026-12-02.xlsx, so two downloads of different scopes or days never collide
 * or get mixed up. Characters a file system refuses are replaced.
 */
export function exportFilename(subject: string, scope: string | null, now: Date = new Date()): string {
  const parts = [subject.replace(/\.xlsx$/i, ""), scope, todayInChina(now)].filter((p): p is string => Boolean(p));
  return `${parts.join("_").replace(/[\\/:*?"<>|]/g, "-")}.xlsx`;
}
