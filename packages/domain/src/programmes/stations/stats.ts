import { z } from "zod";
import { occupations } from "./station";

/** One county's row on the statistics page and in its Excel export. */
export const stationCountyStatsSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  cityName: z.string(),
  stations: z.number().int(),
  stations24h: z.number().int(),
  claimed: z.number().int(),
  counted: z.number().int(),
  reports: z.number().int(),
  reportsOpen: z.number().int(),
  reportsOverdue: z.number().int(),
  /** Mean hours from report to answer over the year's answered reports; null when none. */
  meanResponseHours: z.number().nullable(),
  visits: z.number().int(),
});
export type StationCountyStats = z.infer<typeof stationCountyStatsSchema>;

export const stationStatsSchema = z.object({
  year: z.number().int(),
  countedAt: z.string(),
  counties: z.array(stationCountyStatsSchema),
  visitsByOccupation: z.array(z.object({ occupation: z.enum(occupations), visits: z.number().int() })),
  visitsByHour: z.array(z.object({ hour: z.number().int(), visits: z.number().int() })),
});
export type StationStats = z.infer<typeof stationStatsSchema>;

export const stationStatsQuerySchema = z.strictObject({
  year: z.coerce.number({ error: "年度应为数字" }).int("年度应为整数").min(2020, "年度不早于2020").max(2100, "年度不晚于2100"),
});
