import { z } from "zod";
import { indicatorsQuerySchema, indicatorsSchema } from "./indicators";
import { pageOf, pageQuerySchema } from "../../paging";
import { priorityKindSchema, regionCodeSchema, regionLevelSchema } from "../../region";

/**
 * The statistics API behind the charts, the county map and the drill-down (docs/statistics.md).
 * Every figure has the definition of docs/indicators.md; these endpoints only slice it.
 */

/** The six figures (seven numbers: benefit estimated and verified) without the year/region/campaign labels. */
export const statFiguresSchema = indicatorsSchema.omit({ year: true, regionCode: true, campaignId: true });
export type StatFigures = z.infer<typeof statFiguresSchema>;

/** year, regionCode, campaignId: the same filters as /api/indicators. */
export const statsQuerySchema = indicatorsQuerySchema;
export type StatsQuery = z.infer<typeof statsQuerySchema>;

/** GET /api/stats/summary: the page's headline, this year and last year side by side. */
export const statsSummarySchema = z.object({
  current: indicatorsSchema,
  previous: indicatorsSchema,
  /**
   * The last day (China date) of the previous year that `previous` counts: null for the whole year;
   * when the year asked for is the current one, the same day of last year (上年同期), since a year
   * so far against all of last year would always look like a decline.
   */
  previousThrough: z.iso.date().nullable(),
});
export type StatsSummary = z.infer<typeof statsSummarySchema>;

/**
 * GET /api/stats/monthly: twelve rows, January first. Each figure is counted in the month of its own
 * date (session date, solved time in China, training date, estimate date); enterprises served are
 * distinct within a month, so the months may add up to more than the year's distinct count.
 */
export const statsMonthSchema = statFiguresSchema.extend({ month: z.number().int().min(1).max(12) });
export const statsMonthlySchema = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  campaignId: z.string().nullable(),
  months: z.array(statsMonthSchema),
});
export type StatsMonthly = z.infer<typeof statsMonthlySchema>;

/** `children` (default): the next level down (cities of the province, counties of a city). `counties`: every county, for the map. */
export const statsByRegionDepths = ["children", "counties"] as const;
export const statsByRegionQuerySchema = statsQuerySchema.extend({
  depth: z.enum(statsByRegionDepths, { error: "层级应为 children 或 counties" }).default("children"),
});
export type StatsByRegionQuery = z.infer<typeof statsByRegionQuerySchema>;

export const statsRegionRowSchema = statFiguresSchema.extend({
  code: regionCodeSchema,
  name: z.string(),
  level: regionLevelSchema,
  parentCode: regionCodeSchema.nullable(),
  /** Priority programmes (山区县/海岛县) on 1 July of the year. */
  priority: z.array(priorityKindSchema),
});
export type StatsRegionRow = z.infer<typeof statsRegionRowSchema>;

/** GET /api/stats/by-region: the region's own figures and one row per child the caller may see. */
export const statsByRegionSchema = z.object({
  year: z.number().int(),
  regionCode: z.string(),
  campaignId: z.string().nullable(),
  depth: z.enum(statsByRegionDepths),
  total: statFiguresSchema,
  rows: z.array(statsRegionRowSchema),
});
export type StatsByRegion = z.infer<typeof statsByRegionSchema>;

export const statsCountyParamsSchema = z.object({ code: regionCodeSchema });
export const statsCountyQuerySchema = pageQuerySchema.extend({
  year: indicatorsQuerySchema.shape.year,
});
export type StatsCountyQuery = z.infer<typeof statsCountyQuerySchema>;

/** One enterprise served in the county that year (visited by at least one of the county's sessions). */
export const statsEnterpriseRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  size: z.string(),
  /** The county's sessions of the year that visited it. */
  sessions: z.number().int(),
  /** Its problems solved in the year. */
  problemsSolved: z.number().int(),
  /** Benefit of its outcomes first estimated in the year (through its problems and agreements). */
  benefitEstimatedYuan: z.string(),
  benefitVerifiedYuan: z.string(),
  lastVisit: z.string(),
});
export type StatsEnterpriseRow = z.infer<typeof statsEnterpriseRowSchema>;
export const statsEnterprisePageSchema = pageOf(statsEnterpriseRowSchema);

/** One session of the county in the year, newest first. */
export const statsSessionRowSchema = z.object({
  id: z.string(),
  date: z.string(),
  title: z.string(),
  campaignId: z.string().nullable(),
  /** Experts on the visit (人次 it adds). */
  teamSize: z.number().int(),
  enterprises: z.number().int(),
  /** Problems recorded on the visit, and how many of them are solved by now. */
  problems: z.number().int(),
  problemsSolved: z.number().int(),
  trainees: z.number().int(),
});
export type StatsSessionRow = z.infer<typeof statsSessionRowSchema>;
export const statsSessionPageSchema = pageOf(statsSessionRowSchema);
