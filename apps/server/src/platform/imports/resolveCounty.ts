import type { RegionDirectory } from "../regions/regionDirectory";

/** A county-level unit written as its code (330127) or its name (淳安县, 淳安). */
export function resolveCounty(text: string, regions: RegionDirectory): { ok: true; code: string } | { ok: false; message: string } {
  const t = text.trim();
  if (/^\d{6}$/.test(t)) {
    const r = regions.get(t);
    return r?.level === "county" ? { ok: true, code: t } : { ok: false, message: `“${t}”不是浙江省的县(市、区)代码` };
  }
  const all = regions.countiesUnder("330000").map((c) => regions.get(c)).filter((r) => r !== undefined);
  const matches = all.filter((r) => r.name === t || r.name.replace(/(自治县|县|市|区)$/, "") === t);
  if (matches.length === 1 && matches[0]) return { ok: true, code: matches[0].code };
  if (matches.length > 1) return { ok: false, message: `“${t}”有重名，请填写区划代码` };
  return { ok: false, message: `找不到县(市、区)“${t}”，请填写如“淳安县”或“330127”` };
}
