import type { Indicators } from "@jiangxin/domain";
import type { Db } from "../../../platform/db/database";
import { computeTotal, type FigureFilter } from "../stats/computeFigures";

export type IndicatorFilter = FigureFilter;

/**
 * The programme's yearly figures, each counted from records (see docs/indicators.md for the
 * definitions). The counting lives in stats/computeFigures so that the statistics pages (by month,
 * by region) slice exactly the same queries and their figures add up to these.
 */
export async function computeIndicators(db: Db, f: IndicatorFilter): Promise<Omit<Indicators, "regionCode">> {
  return { year: f.year, campaignId: f.campaignId ?? null, ...(await computeTotal(db, f)) };
}
