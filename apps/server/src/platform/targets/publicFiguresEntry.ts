import { chinaYearOf, type PublicEntry } from "@jiangxin/domain";
import { and, eq } from "drizzle-orm";
import type { AppContext } from "../context";
import { indicatorPublications } from "./tables";

/** 数据公开 on the public landing page, once the province has published a figure for this year. */
export async function publicFiguresEntries(ctx: AppContext): Promise<PublicEntry[]> {
  const year = chinaYearOf(ctx.now());
  const rows = await ctx.database.db
    .select({ key: indicatorPublications.indicatorKey })
    .from(indicatorPublications)
    .where(and(eq(indicatorPublications.year, year), eq(indicatorPublications.published, true)))
    .limit(1);
  if (rows.length === 0) return [];
  return [{ key: "platform.figures", publisher: "浙江省总工会", title: "数据公开", summary: `${year}年各项工作的年度目标与完成进度`, link: "/public/figures" }];
}
