import type { Region } from "@jiangxin/domain";
import { asc } from "drizzle-orm";
import type { Db } from "../db/database";
import { AppError } from "../errors";
import { regionPriority, regions } from "./tables";

type RegionRow = typeof regions.$inferSelect;
type PriorityRow = typeof regionPriority.$inferSelect;

/**
 * Regions change by decree, not by user action, so they are read once at start and kept in memory:
 * scoping every query needs "which counties are under this region" and must not cost a query.
 */
export class RegionDirectory {
  private readonly byCode = new Map<string, RegionRow>();
  private readonly childrenOf = new Map<string, RegionRow[]>();

  constructor(
    rows: RegionRow[],
    private readonly priority: PriorityRow[],
  ) {
    for (const row of rows) {
      this.byCode.set(row.code, row);
      if (row.parentCode) {
        const list = this.childrenOf.get(row.parentCode) ?? [];
        list.push(row);
        this.childrenOf.set(row.parentCode, list);
      }
    }
  }

  static async load(db: Db): Promise<RegionDirectory> {
    const [rows, priority] = await Promise.all([
      db.select().from(regions).orderBy(asc(regions.code)),
      db.select().from(regionPriority),
    ]);
    return new RegionDirectory(rows, priority);
  }

  get(code: string): RegionRow | undefined {
    return this.byCode.get(code);
  }

  /**
   * A county's name and its city's, as list rows show them: the code itself for a county no longer in
   * the tree (an old record), no city for a unit directly under the province.
   */
  placeOf(countyCode: string): { countyName: string; cityCode: string; cityName: string } {
    const county = this.byCode.get(countyCode);
    const city = county?.parentCode ? this.byCode.get(county.parentCode) : undefined;
    return { countyName: county?.name ?? countyCode, cityCode: city?.code ?? "", cityName: city?.name ?? "" };
  }

  /**
   * The region, or a 400 naming the field that held the code: the one check every filter and form
   * with a region code makes (a code that matches the pattern but no region).
   */
  require(code: string, field = "regionCode", message = "区划代码不存在"): RegionRow {
    const region = this.byCode.get(code);
    if (!region) throw new AppError("VALIDATION_FAILED", message, { [field]: message });
    return region;
  }

  children(code: string): RegionRow[] {
    return this.childrenOf.get(code) ?? [];
  }

  /** County-level codes at or under `code` (a county gives itself). */
  countiesUnder(code: string): string[] {
    const region = this.byCode.get(code);
    if (!region) return [];
    if (region.level === "county") return [code];
    return this.children(code).flatMap((child) => this.countiesUnder(child.code));
  }

  /** Whether `code` is `ancestor` or lies under it. */
  isWithin(code: string, ancestor: string): boolean {
    for (let r = this.byCode.get(code); r; r = r.parentCode ? this.byCode.get(r.parentCode) : undefined) {
      if (r.code === ancestor) return true;
    }
    return false;
  }

  /** Priority programmes the region belongs to on `on` (YYYY-MM-DD). */
  priorityOn(code: string, on: string): Region["priority"] {
    const kinds = new Set<Region["priority"][number]>();
    for (const p of this.priority) {
      if (p.regionCode === code && p.validFrom <= on && (p.validTo === null || on < p.validTo)) kinds.add(p.kind);
    }
    return [...kinds].sort();
  }

  toRegion(code: string, on: string): Region | undefined {
    const r = this.byCode.get(code);
    if (!r) return undefined;
    return { code: r.code, name: r.name, level: r.level, parentCode: r.parentCode, lng: r.lng, lat: r.lat, priority: this.priorityOn(r.code, on) };
  }
}
