import { z } from "zod";
import { daysBetween } from "./chinaTime";
import { regionCodeSchema, regionLevelSchema } from "./region";

/**
 * Annual targets (年度目标) for programme indicators and the 驾驶舱 that compares figures with them.
 * docs/targets.md states every rule below in words.
 */

export const targetStatuses = ["draft", "approved"] as const;
export const targetStatusSchema = z.enum(targetStatuses);
export type TargetStatus = z.infer<typeof targetStatusSchema>;
export const targetStatusLabels: Record<TargetStatus, string> = { draft: "草案", approved: "已批准" };

const yearSchema = z.coerce.number({ error: "年度应为数字" }).int("年度应为整数").min(2015, "年度不早于2015").max(2100, "年度不正确");
export const indicatorKeySchema = z.string({ error: "请选择指标" }).trim().min(1, "请选择指标").max(80, "未知指标");

/** A figure's target or milestone: a number, not negative. Amounts in 元 can be large, hence the roomy cap. */
export const targetValueSchema = z
  .number({ error: "请输入数字" })
  .min(0, "不能为负数")
  .max(1e13, "数值过大");

/** Quarterly milestones: cumulative values expected by the end of Q1, Q2 and Q3 (Q4 is the target itself). */
const milestoneFields = { q1: targetValueSchema.nullable().optional(), q2: targetValueSchema.nullable().optional(), q3: targetValueSchema.nullable().optional() };

/** One region's target as entered: the value and optional milestones, which must not decrease nor pass the value. */
export const targetRowSchema = z
  .strictObject({ regionCode: regionCodeSchema, value: targetValueSchema, ...milestoneFields })
  .superRefine((row, ctx) => {
    let floor = 0;
    for (const q of ["q1", "q2", "q3"] as const) {
      const v = row[q];
      if (v === null || v === undefined) continue;
      if (v < floor) ctx.addIssue({ code: "custom", path: [q], message: "季度累计值不应小于上一季度" });
      else if (v > row.value) ctx.addIssue({ code: "custom", path: [q], message: "季度累计值不应超过全年目标" });
      floor = Math.max(floor, v);
    }
  });
export type TargetRow = z.infer<typeof targetRowSchema>;

/**
 * Saves a parent's children's targets in one go (the split page), and the parent's own when the
 * writer may set it. `reason` is required as soon as one already-approved target changes.
 */
export const targetSplitInputSchema = z.strictObject({
  indicatorKey: indicatorKeySchema,
  year: yearSchema,
  parentCode: regionCodeSchema,
  /** The parent's own target, when the writer sets it too (the province for the province or a city). */
  parent: targetRowSchema.optional(),
  rows: z.array(targetRowSchema).max(200, "一次最多保存200个地区"),
  reason: z.string().trim().max(200, "调整原因不超过200个字").optional(),
});
export type TargetSplitInput = z.infer<typeof targetSplitInputSchema>;

export const targetSplitQuerySchema = z.strictObject({
  indicatorKey: indicatorKeySchema,
  year: yearSchema,
  parentCode: regionCodeSchema.optional(),
});
export type TargetSplitQuery = z.infer<typeof targetSplitQuerySchema>;

/** The province approves the drafts of a split (the parent's and its children's). */
export const targetApproveInputSchema = z.strictObject({
  indicatorKey: indicatorKeySchema,
  year: yearSchema,
  parentCode: regionCodeSchema,
});

export const targetSchema = z.object({
  id: z.string(),
  indicatorKey: z.string(),
  year: z.number().int(),
  regionCode: z.string(),
  value: z.number(),
  q1: z.number().nullable(),
  q2: z.number().nullable(),
  q3: z.number().nullable(),
  status: targetStatusSchema,
  updatedAt: z.string(),
  approvedAt: z.string().nullable(),
});
export type Target = z.infer<typeof targetSchema>;

export const targetSplitSchema = z.object({
  indicatorKey: z.string(),
  year: z.number().int(),
  parent: z.object({ code: z.string(), name: z.string(), level: regionLevelSchema, target: targetSchema.nullable() }),
  rows: z.array(z.object({ code: z.string(), name: z.string(), target: targetSchema.nullable() })),
  /** Sum of the children's targets that exist. */
  childrenSum: z.number(),
  /** Warnings, not errors (docs/targets.md): the children over the parent's total, or not covering it. */
  warnings: z.array(z.string()),
  /** Whether the caller may change the parent's own target / the children's, and approve. */
  mayWriteParent: z.boolean(),
  mayWriteRows: z.boolean(),
  mayApprove: z.boolean(),
  drafts: z.number().int(),
});
export type TargetSplit = z.infer<typeof targetSplitSchema>;

/** The indicators a reader can set targets for, per programme (for pickers). */
export const indicatorCatalogSchema = z.array(
  z.object({
    programmeId: z.string(),
    programmeName: z.string(),
    indicators: z.array(z.object({ key: z.string(), label: z.string(), unit: z.string(), definition: z.string(), recordsPath: z.string().nullable() })),
  }),
);
export type IndicatorCatalog = z.infer<typeof indicatorCatalogSchema>;

// ---------------------------------------------------------------- the 驾驶舱

/** A figure's standing against its target (docs/targets.md, "Status"). */
export const figureStatuses = ["ahead", "onTrack", "lagging", "noTarget", "noData"] as const;
export type FigureStatus = (typeof figureStatuses)[number];
export const figureStatusLabels: Record<FigureStatus, string> = { ahead: "超前", onTrack: "正常", lagging: "滞后", noTarget: "未设目标", noData: "无数据" };

/** A figure lagging when its share of target is below the expected share by more than this (10 points). */
export const laggingMargin = 0.1;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const dayOfYear = (day: string) => daysBetween(`${day.slice(0, 4)}-01-01`, day) + 1;

/**
 * The share of `year` elapsed on the China date `today` (YYYY-MM-DD), counting today as elapsed:
 * 0 before the year, 1 after it. 2026-07-02 is day 183 of 365: 0.501.
 */
export function yearElapsedShare(year: number, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  if (thisYear < year) return 0;
  if (thisYear > year) return 1;
  return dayOfYear(today) / (isLeap(year) ? 366 : 365);
}

/**
 * The share of the target expected by now: the year elapsed, or, when quarterly milestones are set,
 * the line through them (0 on 1 January, Q1 on 31 March, Q2 on 30 June, Q3 on 30 September, the
 * target on 31 December), so a programme with a slow first quarter is not flagged for it.
 */
export function expectedShare(year: number, today: string, target: { value: number; q1?: number | null; q2?: number | null; q3?: number | null }): number {
  const elapsed = yearElapsedShare(year, today);
  if (target.value <= 0 || (target.q1 == null && target.q2 == null && target.q3 == null)) return elapsed;
  const days = isLeap(year) ? 366 : 365;
  const ends = [0, dayOfYear(`${year}-03-31`) / days, dayOfYear(`${year}-06-30`) / days, dayOfYear(`${year}-09-30`) / days, 1];
  const marks = [0, target.q1, target.q2, target.q3, target.value];
  // Fill a missing milestone by the straight line between its neighbours.
  const points: [number, number][] = [];
  marks.forEach((m, i) => {
    if (m !== null && m !== undefined) points.push([ends[i] as number, m / target.value]);
  });
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1] as [number, number];
    const [x1, y1] = points[i] as [number, number];
    if (elapsed <= x1) return x1 === x0 ? y1 : y0 + ((elapsed - x0) / (x1 - x0)) * (y1 - y0);
  }
  return 1;
}

/** The status rule: no target and nothing counted is 无数据; otherwise compare the share with the expected share. */
export function figureStatus(value: number, target: number | null, expected: number): FigureStatus {
  if (target === null) return value > 0 ? "noTarget" : "noData";
  const share = target > 0 ? value / target : 1;
  if (share < expected - laggingMargin) return "lagging";
  if (share >= 1 || share >= expected + laggingMargin) return "ahead";
  return "onTrack";
}

export const dashboardQuerySchema = z.strictObject({ year: yearSchema.optional() });
export const dashboardBreakdownQuerySchema = z.strictObject({ year: yearSchema.optional(), regionCode: regionCodeSchema.optional() });

const laggingRegionSchema = z.object({ code: z.string(), name: z.string(), level: regionLevelSchema, value: z.number(), target: z.number(), share: z.number() });
export type LaggingRegion = z.infer<typeof laggingRegionSchema>;

export const dashboardFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  definition: z.string(),
  recordsPath: z.string().nullable(),
  value: z.number(),
  target: z.number().nullable(),
  /** value / target, null without a target. */
  share: z.number().nullable(),
  expected: z.number(),
  status: z.enum(figureStatuses),
  /** The reader's child regions behind (a city for the province, a county for a city), then the counties below them. */
  lagging: z.array(laggingRegionSchema),
  published: z.boolean(),
});
export type DashboardFigure = z.infer<typeof dashboardFigureSchema>;

export const dashboardSchema = z.object({
  year: z.number().int(),
  region: z.object({ code: z.string(), name: z.string() }),
  /** The China date the figures run to (today for this year, 31 December for a past one). */
  asOf: z.string(),
  yearElapsed: z.number(),
  computedAt: z.string(),
  programmes: z.array(z.object({ id: z.string(), name: z.string(), figures: z.array(dashboardFigureSchema) })),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const dashboardBreakdownSchema = z.object({
  year: z.number().int(),
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  region: z.object({ code: z.string(), name: z.string(), level: regionLevelSchema }),
  total: z.object({ value: z.number(), target: z.number().nullable(), share: z.number().nullable(), status: z.enum(figureStatuses) }),
  expected: z.number(),
  rows: z.array(
    z.object({ code: z.string(), name: z.string(), level: regionLevelSchema, value: z.number(), target: z.number().nullable(), share: z.number().nullable(), status: z.enum(figureStatuses) }),
  ),
  computedAt: z.string(),
});
export type DashboardBreakdown = z.infer<typeof dashboardBreakdownSchema>;

// ---------------------------------------------------------------- publication

export const publicationInputSchema = z.strictObject({ indicatorKey: indicatorKeySchema, year: yearSchema, published: z.boolean({ error: "请选择是否公开" }) });
export type PublicationInput = z.infer<typeof publicationInputSchema>;

export const publicDashboardSchema = z.object({
  year: z.number().int(),
  asOf: z.string(),
  yearElapsed: z.number(),
  computedAt: z.string(),
  figures: z.array(
    z.object({
      key: z.string(),
      programmeName: z.string(),
      label: z.string(),
      unit: z.string(),
      definition: z.string(),
      value: z.number(),
      target: z.number().nullable(),
      share: z.number().nullable(),
    }),
  ),
});
export type PublicDashboard = z.infer<typeof publicDashboardSchema>;
