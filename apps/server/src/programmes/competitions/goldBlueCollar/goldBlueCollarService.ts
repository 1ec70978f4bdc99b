import { type CertificateCheck, type GoldBlueCollar } from "@jiangxin/domain";
import { randomBytes } from "node:crypto";
import { and, asc, desc, eq, inArray, like, sql, type SQL } from "drizzle-orm";
import { visibleCounties } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { personBriefs, personIdOf, recordSkillUpgrade } from "../../../masterData/people";
import { competitionEvents, competitionRegistrations, competitions, goldBlueCollars } from "../tables";

/** Who sees nominations: staff by the winner's county (the province all), a union its members', a worker its own. */
async function gbcScope(ctx: AppContext, actor: Actor): Promise<SQL> {
  if (actor.role === "worker") {
    const pid = await personIdOf(ctx, actor);
    return pid ? eq(goldBlueCollars.personId, pid) : sql`false`;
  }
  if (actor.scope.kind === "union") return actor.scope.unionIds.length ? inArray(competitionRegistrations.unionId, [...actor.scope.unionIds]) : sql`false`;
  const counties = visibleCounties(actor);
  if (counties === "all") return sql`true`;
  return counties.length ? inArray(competitionRegistrations.countyCode, [...counties]) : sql`false`;
}

async function rowsWhere(ctx: AppContext, db: Db, where: SQL | undefined): Promise<(GoldBlueCollar & { checkToken: string | null; personId: string })[]> {
  const rows = await db
    .select({ g: goldBlueCollars, eventName: competitionEvents.name, competitionName: competitions.name })
    .from(goldBlueCollars)
    .innerJoin(competitionEvents, eq(competitionEvents.id, goldBlueCollars.eventId))
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, goldBlueCollars.registrationId))
    .where(where)
    .orderBy(desc(goldBlueCollars.year), asc(competitions.name), asc(competitionEvents.name), asc(goldBlueCollars.place));
  const names = await personBriefs(ctx, db, rows.map((r) => r.g.personId));
  return rows.map(({ g, eventName, competitionName }) => ({
    id: g.id,
    eventId: g.eventId,
    eventName,
    competitionName,
    year: g.year,
    personName: names.get(g.personId)?.name ?? "",
    personId: g.personId,
    place: g.place,
    status: g.status,
    certificateNo: g.certificateNo,
    approvedAt: g.status === "approved" ? (g.decidedAt?.toISOString() ?? null) : null,
    checkToken: g.checkToken,
  }));
}

export async function listGoldBlueCollars(ctx: AppContext, actor: Actor, q: { year?: number | undefined; status?: string | undefined }): Promise<GoldBlueCollar[]> {
  const conds: SQL[] = [await gbcScope(ctx, actor)];
  if (q.year) conds.push(eq(goldBlueCollars.year, q.year));
  if (q.status === "nominated" || q.status === "approved" || q.status === "declined") conds.push(eq(goldBlueCollars.status, q.status));
  return (await rowsWhere(ctx, ctx.database.db, and(...conds))).map(({ checkToken: _t, personId: _p, ...g }) => g);
}

/**
 * 省总工会审核: approving gives the certificate its number (ZJJLL-<year>-<seq>) and a random check
 * token, and records the winner's skill-level upgrade on their person record (one level up; 高级工
 * for someone with none on record), all in one audited transaction.
 */
export async function decideGoldBlueCollar(ctx: AppContext, actor: Actor, id: string, input: { decision: "approve" | "decline"; note?: string | undefined }): Promise<GoldBlueCollar> {
  const { db } = ctx.database;
  const [g] = await db.select().from(goldBlueCollars).where(eq(goldBlueCollars.id, id));
  if (!g) throw notFound("金蓝领提名");
  if (g.status !== "nominated") throw new AppError("CONFLICT", "该提名已审核");
  await db.transaction(async (tx) => {
    if (input.decision === "decline") {
      await tx.update(goldBlueCollars).set({ status: "declined", decidedBy: actor.userId, decidedAt: ctx.now() }).where(eq(goldBlueCollars.id, id));
      await writeAudit(tx, auditActorOf(actor), { action: "goldBlueCollar.decline", objectType: "goldBlueCollar", objectId: id, detail: { note: input.note ?? null } });
      return;
    }
    // Serialised by the unique index: a concurrent approval that picked the same number fails and is retried by the user.
    const prefix = `ZJJLL-${g.year}-`;
    const [{ n } = { n: 0 }] = await tx.select({ n: sql<number>`count(*)::int` }).from(goldBlueCollars).where(like(goldBlueCollars.certificateNo, `${prefix}%`));
    const certificateNo = `${prefix}${String(n + 1).padStart(4, "0")}`;
    await tx
      .update(goldBlueCollars)
      .set({ status: "approved", certificateNo, checkToken: randomBytes(12).toString("base64url"), decidedBy: actor.userId, decidedAt: ctx.now() })
      .where(eq(goldBlueCollars.id, id));
    const upgrade = await recordSkillUpgrade(tx, actor, { personId: g.personId, reason: `浙江金蓝领 ${certificateNo}`, floor: "senior" });
    await writeAudit(tx, auditActorOf(actor), { action: "goldBlueCollar.approve", objectType: "goldBlueCollar", objectId: id, detail: { certificateNo, upgrade } });
  });
  const [out] = await rowsWhere(ctx, db, eq(goldBlueCollars.id, id));
  const { checkToken: _t, personId: _p, ...rest } = out!;
  return rest;
}

/** An approved certificate the actor may print (same scope as the list), with its check token for the QR code. */
export async function certificateFor(ctx: AppContext, actor: Actor, id: string) {
  const [g] = await rowsWhere(ctx, ctx.database.db, and(eq(goldBlueCollars.id, id), await gbcScope(ctx, actor)));
  if (!g) throw notFound("金蓝领证书");
  if (g.status !== "approved" || !g.certificateNo || !g.checkToken) throw new AppError("CONFLICT", "省总工会审核认定后才能打印证书");
  return g;
}

/** 公众服务 证书查验: a number and the token the QR code carries; a wrong token answers like an unknown number. */
export async function checkCertificate(ctx: AppContext, certificateNo: string, token: string): Promise<CertificateCheck> {
  const [g] = await rowsWhere(ctx, ctx.database.db, eq(goldBlueCollars.certificateNo, certificateNo));
  if (!g || g.status !== "approved" || g.checkToken !== token) return { valid: false, certificateNo };
  return {
    valid: true,
    certificateNo,
    personName: g.personName,
    competitionName: g.competitionName,
    eventName: g.eventName,
    year: g.year,
    approvedOn: g.approvedAt?.slice(0, 10) ?? "",
  };
}
