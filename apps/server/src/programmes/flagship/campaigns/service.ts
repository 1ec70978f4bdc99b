import type { Campaign, CampaignInput } from "@jiangxin/domain";
import { and, desc, eq } from "drizzle-orm";
import { concernsActor, coversCounty, visibleCounties } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { computeIndicators } from "../indicators/computeIndicators";
import { campaigns } from "./tables";

type Row = typeof campaigns.$inferSelect;

/**
 * Progress counts the records tagged with the campaign (sessions, their trainings and solved problems)
 * within the reader's region: a county reading a city's campaign sees its own county's part, never
 * figures from counties it may not read elsewhere.
 */
async function withProgress(ctx: AppContext, actor: Actor, row: Row): Promise<Campaign> {
  const visible = visibleCounties(actor);
  const figures = await computeIndicators(ctx.database.db, { year: row.year, counties: visible === "all" ? undefined : [...visible], campaignId: row.id });
  return {
    id: row.id,
    name: row.name,
    year: row.year,
    regionCodes: row.regionCodes,
    priorityOnly: row.priorityOnly,
    targets: row.targets,
    progress: { sessions: figures.sessions, trainees: figures.workerTrainings, enterprises: figures.enterprisesServed, problemsSolved: figures.problemsSolved },
  };
}

export async function listCampaigns(ctx: AppContext, actor: Actor, year: number | undefined): Promise<Campaign[]> {
  const rows = await ctx.database.db
    .select()
    .from(campaigns)
    .where(year ? eq(campaigns.year, year) : undefined)
    .orderBy(desc(campaigns.year), desc(campaigns.createdAt));
  const visible = rows.filter((r) => concernsActor(actor, r.ownerRegionCode, ctx.regions));
  return Promise.all(visible.map((r) => withProgress(ctx, actor, r)));
}

export async function getCampaign(ctx: AppContext, actor: Actor, id: string): Promise<Campaign> {
  const [row] = await ctx.database.db.select().from(campaigns).where(and(eq(campaigns.id, id)));
  if (!row || !concernsActor(actor, row.ownerRegionCode, ctx.regions)) throw notFound("专项行动");
  return withProgress(ctx, actor, row);
}

export async function createCampaign(ctx: AppContext, actor: Actor, input: CampaignInput): Promise<Campaign> {
  for (const [i, code] of input.regionCodes.entries()) {
    const region = ctx.regions.require(code, `regionCodes.${i}`, `区划代码“${code}”不存在`);
    const counties = ctx.regions.countiesUnder(code);
    if (!counties.every((c) => coversCounty(actor, c))) {
      throw new AppError("FORBIDDEN", "专项行动只能覆盖本辖区", { [`regionCodes.${i}`]: `“${region.name}”不在您的辖区内` });
    }
  }
  if (input.regionCodes.length === 0 && !input.priorityOnly && actor.scope.kind !== "all") {
    throw new AppError("VALIDATION_FAILED", "请选择覆盖区域", { regionCodes: "请选择覆盖区域，或选择“仅限山区海岛县”" });
  }
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(campaigns)
      .values({ ...input, ownerRegionCode: actor.regionCode ?? "330000", createdBy: actor.userId })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await writeAudit(tx, auditActorOf(actor), { action: "campaign.create", objectType: "campaign", objectId: created.id, detail: { name: created.name, year: created.year } });
    return created;
  });
  return withProgress(ctx, actor, row);
}
