import type { OutcomeInput } from "@jiangxin/domain";
import { outcomeSchema, outcomeVerifySchema, todayInChina } from "@jiangxin/domain";
import { and, desc, eq, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError, notFound } from "../../../platform/errors";
import { agreementExperts, agreements } from "../agreements/tables";
import { problemScope } from "../problems/problemScope";
import { problems } from "../problems/tables";
import { outcomes } from "./tables";

type Outcome = z.infer<typeof outcomeSchema>;
type Row = typeof outcomes.$inferSelect;

const pct = (v: string | null) => (v === null ? null : Number(v));

function toOutcome(r: Row): Outcome {
  return {
    id: r.id,
    problemId: r.problemId,
    agreementId: r.agreementId,
    countyCode: r.countyCode,
    economicBenefitYuan: r.economicBenefitYuan,
    verifiedBenefitYuan: r.verifiedBenefitYuan,
    laborIntensityReductionPct: pct(r.laborIntensityReductionPct),
    failureRateReductionPct: pct(r.failureRateReductionPct),
    status: r.verifiedOn ? "verified" : "estimated",
    estimatedOn: r.estimatedOn,
    verifiedOn: r.verifiedOn,
    note: r.note,
  };
}

/** The county of the problem or agreement an outcome is about, if the actor may see it. */
async function subjectCounty(ctx: AppContext, actor: Actor, input: { problemId?: string; agreementId?: string }): Promise<string> {
  const { db } = ctx.database;
  if (input.problemId) {
    // The problems' own scope: an expert reaches those it owns or serves on as 协助专家.
    const [p] = await db.select({ county: problems.countyCode }).from(problems).where(and(eq(problems.id, input.problemId), problemScope(actor)));
    if (!p) throw notFound("难题");
    return p.county;
  }
  if (!input.agreementId) throw new AppError("VALIDATION_FAILED", "成效须对应一个难题或一份协议", { problemId: "成效须对应一个难题或一份协议" });
  const regional = scopeCondition(actor, { county: agreements.countyCode, enterprise: agreements.enterpriseId });
  const onTeam = actor.expertId
    ? sql`exists (select 1 from ${agreementExperts} ae where ae.agreement_id = ${agreements.id} and ae.expert_id = ${actor.expertId})`
    : sql`false`;
  const [a] = await db
    .select({ county: agreements.countyCode })
    .from(agreements)
    .where(and(eq(agreements.id, input.agreementId), or(regional, onTeam)));
  if (!a) throw notFound("协议");
  return a.county;
}

export async function recordOutcome(ctx: AppContext, actor: Actor, input: OutcomeInput): Promise<Outcome> {
  const countyCode = await subjectCounty(ctx, actor, input);
  const row = await ctx.database.db.transaction(async (tx) => {
    const [created] = await tx
      .insert(outcomes)
      .values({
        problemId: input.problemId ?? null,
        agreementId: input.agreementId ?? null,
        countyCode,
        economicBenefitYuan: input.economicBenefitYuan,
        laborIntensityReductionPct: input.laborIntensityReductionPct?.toFixed(2) ?? null,
        failureRateReductionPct: input.failureRateReductionPct?.toFixed(2) ?? null,
        note: input.note ?? null,
        estimatedOn: todayInChina(ctx.now()),
        estimatedBy: actor.userId,
      })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await writeAudit(tx, auditActorOf(actor), { action: "outcome.estimate", objectType: "outcome", objectId: created.id, detail: { yuan: created.economicBenefitYuan } });
    return created;
  });
  return toOutcome(row);
}

export async function verifyOutcome(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof outcomeVerifySchema>): Promise<Outcome> {
  const scope = scopeCondition(actor, { county: outcomes.countyCode });
  const row = await ctx.database.db.transaction(async (tx) => {
    // Conditional update: of two simultaneous verifications exactly one wins.
    const [updated] = await tx
      .update(outcomes)
      .set({ verifiedBenefitYuan: input.economicBenefitYuan, verifiedOn: todayInChina(ctx.now()), verifiedBy: actor.userId, enterpriseConfirmed: true, ...(input.note ? { note: input.note } : {}) })
      .where(and(eq(outcomes.id, id), scope, eq(outcomes.enterpriseConfirmed, false)))
      .returning();
    if (!updated) {
      const [exists] = await tx.select({ id: outcomes.id }).from(outcomes).where(and(eq(outcomes.id, id), scope));
      if (!exists) throw notFound("成效记录");
      throw new AppError("CONFLICT", "该成效已核实，不能重复核实");
    }
    await writeAudit(tx, auditActorOf(actor), { action: "outcome.verify", objectType: "outcome", objectId: id, detail: { yuan: updated.verifiedBenefitYuan } });
    return updated;
  });
  return toOutcome(row);
}

export async function listOutcomes(ctx: AppContext, actor: Actor, filter: { problemId?: string; agreementId?: string }): Promise<Outcome[]> {
  if (filter.problemId || filter.agreementId) await subjectCounty(ctx, actor, filter);
  const conditions: SQL[] = [];
  if (filter.problemId) conditions.push(eq(outcomes.problemId, filter.problemId));
  if (filter.agreementId) conditions.push(eq(outcomes.agreementId, filter.agreementId));
  // Without a subject, staff see their region's outcomes; others must name the subject they can see.
  if (!filter.problemId && !filter.agreementId) conditions.push(scopeCondition(actor, { county: outcomes.countyCode }));
  const rows = await ctx.database.db.select().from(outcomes).where(and(...conditions)).orderBy(desc(outcomes.createdAt)).limit(500);
  return rows.map(toOutcome);
}
