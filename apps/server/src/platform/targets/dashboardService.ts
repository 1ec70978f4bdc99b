import { type Dashboard, type DashboardBreakdown, type DashboardFigure, expectedShare, figureStatus, type IndicatorInfo, type LaggingRegion, nextDay, type PublicDashboard, todayInChina, yearElapsedShare } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import { visibleCounties } from "../access";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { notFound } from "../errors";
import type { Programme } from "../programme";
import { indicatorPublications, targets } from "./tables";
import { mayRead, readerRegion } from "./targetService";

type Counted = { computedAt: Date; byKey: Map<string, ReadonlyMap<string, number>> };
type TargetRow = typeof targets.$inferSelect;

/** Figures are counted at most once a minute per year and scope: the 驾驶舱 is opened often, records change slowly. */
const cacheMs = 60_000;

/**
 * Counts every programme's indicators for a year over a set of counties — one `countIndicators` call
 * per programme — and compares them with the approved targets. The platform knows the programmes only
 * through the list it is given.
 */
export function dashboardService(ctx: AppContext, programmes: readonly Programme[]) {
  const indicators = new Map<string, IndicatorInfo & { programmeId: string; programmeName: string }>();
  for (const p of programmes) for (const i of p.descriptor.indicators) indicators.set(i.key, { ...i, programmeId: p.descriptor.id, programmeName: p.descriptor.name });
  const cache = new Map<string, { at: number; value: Promise<Counted> }>();

  /** The China date figures run to: today for this year, the year's last day for a past year. */
  function asOfFor(year: number): { asOf: string; before: string | undefined; today: string } {
    const today = todayInChina(ctx.now());
    const thisYear = Number(today.slice(0, 4));
    if (year < thisYear) return { asOf: `${year}-12-31`, before: undefined, today };
    if (year > thisYear) return { asOf: today, before: `${year}-01-01`, today };
    return { asOf: today, before: nextDay(today), today };
  }

  function count(year: number, counties: readonly string[] | undefined): Promise<Counted> {
    const key = `${year}|${counties === undefined ? "all" : [...counties].sort().join(",")}`;
    const hit = cache.get(key);
    const now = ctx.now().getTime();
    if (hit && now - hit.at < cacheMs) return hit.value;
    const { before } = asOfFor(year);
    const value = (async () => {
      const results = await Promise.all(programmes.map((p) => p.countIndicators(ctx, { year, before, counties: counties ? [...counties] : undefined })));
      const byKey = new Map<string, ReadonlyMap<string, number>>();
      for (const r of results) for (const [k, m] of r) byKey.set(k, m);
      return { computedAt: new Date(now), byKey };
    })();
    cache.set(key, { at: now, value });
    // A failed count must not be served from the cache.
    value.catch(() => cache.delete(key));
    for (const [k, v] of cache) if (now - v.at >= cacheMs) cache.delete(k);
    return value;
  }

  const sumOver = (counts: ReadonlyMap<string, number> | undefined, counties: readonly string[]) => counties.reduce((s, c) => s + (counts?.get(c) ?? 0), 0);

  async function approvedTargets(year: number): Promise<Map<string, TargetRow>> {
    const rows = await ctx.database.db.select().from(targets).where(and(eq(targets.year, year), eq(targets.status, "approved")));
    return new Map(rows.map((r) => [`${r.indicatorKey}|${r.regionCode}`, r]));
  }

  async function publishedKeys(year: number): Promise<Set<string>> {
    const rows = await ctx.database.db.select().from(indicatorPublications).where(and(eq(indicatorPublications.year, year), eq(indicatorPublications.published, true)));
    return new Set(rows.map((r) => r.indicatorKey));
  }

  /** One region's figure for one indicator: value, approved target, share, expected share and status. */
  function standing(counted: Counted, targetsBy: Map<string, TargetRow>, key: string, code: string, year: number, asOf: string) {
    const value = sumOver(counted.byKey.get(key), ctx.regions.countiesUnder(code));
    const t = targetsBy.get(`${key}|${code}`);
    const target = t ? t.value : null;
    const expected = expectedShare(year, asOf, t ?? { value: 1 });
    return { value, target, share: target === null ? null : target > 0 ? value / target : 1, expected, status: figureStatus(value, target, expected) };
  }

  function scopeOf(actor: Actor): readonly string[] | undefined {
    const v = visibleCounties(actor);
    return v === "all" ? undefined : v;
  }

  async function dashboard(actor: Actor, year: number): Promise<Dashboard> {
    const region = readerRegion(actor);
    const r = ctx.regions.get(region);
    if (!r) throw notFound("地区");
    const { asOf, today } = asOfFor(year);
    const [counted, targetsBy, published] = await Promise.all([count(year, scopeOf(actor)), approvedTargets(year), publishedKeys(year)]);
    const children = ctx.regions.children(region);
    const grandchildren = children.flatMap((c) => ctx.regions.children(c.code));
    const figures = (p: Programme): DashboardFigure[] =>
      p.descriptor.indicators.map((info) => {
        const own = standing(counted, targetsBy, info.key, region, year, asOf);
        const lagging: LaggingRegion[] = [];
        for (const c of [...children, ...grandchildren]) {
          const s = standing(counted, targetsBy, info.key, c.code, year, asOf);
          if (s.status === "lagging" && s.target !== null) lagging.push({ code: c.code, name: c.name, level: c.level, value: s.value, target: s.target, share: s.share ?? 0 });
        }
        // Children first (the reader's direct reports), each level most behind first.
        const depth = (l: LaggingRegion) => (children.some((c) => c.code === l.code) ? 0 : 1);
        lagging.sort((a, b) => depth(a) - depth(b) || a.share - b.share);
        return {
          key: info.key,
          label: info.label,
          unit: info.unit,
          definition: info.definition,
          recordsPath: info.recordsPath ?? null,
          value: own.value,
          target: own.target,
          share: own.share,
          expected: own.expected,
          status: own.status,
          lagging,
          published: published.has(info.key),
        };
      });
    return {
      year,
      region: { code: r.code, name: r.name },
      asOf,
      yearElapsed: yearElapsedShare(year, today),
      computedAt: counted.computedAt.toISOString(),
      programmes: programmes.map((p) => ({ id: p.descriptor.id, name: p.descriptor.name, figures: figures(p) })),
    };
  }

  /** One indicator over the children of a region within the reader's scope (drill-down). */
  async function breakdown(actor: Actor, key: string, year: number, regionCode: string | undefined): Promise<DashboardBreakdown> {
    const info = indicators.get(key);
    if (!info) throw notFound("指标");
    const code = regionCode ?? readerRegion(actor);
    const r = ctx.regions.get(code);
    if (!r || !mayRead(ctx, actor, code)) throw notFound("地区");
    const { asOf } = asOfFor(year);
    const [counted, targetsBy] = await Promise.all([count(year, scopeOf(actor)), approvedTargets(year)]);
    const total = standing(counted, targetsBy, key, code, year, asOf);
    return {
      year,
      key,
      label: info.label,
      unit: info.unit,
      region: { code: r.code, name: r.name, level: r.level },
      total: { value: total.value, target: total.target, share: total.share, status: total.status },
      expected: total.expected,
      rows: ctx.regions.children(code).map((c) => {
        const s = standing(counted, targetsBy, key, c.code, year, asOf);
        return { code: c.code, name: c.name, level: c.level, value: s.value, target: s.target, share: s.share, status: s.status };
      }),
      computedAt: counted.computedAt.toISOString(),
    };
  }

  /** The province-wide figures the province chose to publish for the year, for anyone. */
  async function publicDashboard(year: number): Promise<PublicDashboard> {
    const { asOf, today } = asOfFor(year);
    const published = await publishedKeys(year);
    const [counted, targetsBy] = published.size === 0 ? [{ computedAt: ctx.now(), byKey: new Map() }, new Map<string, TargetRow>()] : await Promise.all([count(year, undefined), approvedTargets(year)]);
    const figures = [...indicators.values()]
      .filter((i) => published.has(i.key))
      .map((i) => {
        const s = standing(counted, targetsBy, i.key, "330000", year, asOf);
        return { key: i.key, programmeName: i.programmeName, label: i.label, unit: i.unit, definition: i.definition, value: s.value, target: s.target, share: s.share };
      });
    return { year, asOf, yearElapsed: yearElapsedShare(year, today), computedAt: counted.computedAt.toISOString(), figures };
  }

  const thisYear = () => Number(todayInChina(ctx.now()).slice(0, 4));
  return { indicators, dashboard, breakdown, publicDashboard, thisYear };
}
