import type { Competition, CompetitionInput, CompetitionSummary, EventInput, competitionListQuerySchema } from "@jiangxin/domain";
import { eventInputSchema, todayInChina } from "@jiangxin/domain";
import { and, asc, count, desc, eq, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { findUnion } from "../../../masterData/unions";
import { competitionEvents, competitionRegistrations, competitions } from "../tables";
import { contestantCounts, findCompetition, findEvent, requireOrganiser, toCompetition, toEvent } from "./eventRecords";

type ListQuery = z.infer<typeof competitionListQuerySchema>;
const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { [field]: message });

/** Every competition is announced to every account (workers register from the list); filters by year, tier, level. */
export async function listCompetitions(ctx: AppContext, query: ListQuery): Promise<{ items: CompetitionSummary[]; total: number; page: number; pageSize: number }> {
  const { db } = ctx.database;
  const conds: SQL[] = [];
  if (query.year) conds.push(eq(competitions.year, query.year));
  if (query.tier) conds.push(eq(competitions.tier, query.tier));
  if (query.level) conds.push(eq(competitions.level, query.level));
  if (query.q) conds.push(ilike(competitions.name, `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`));
  const where = conds.length ? and(...conds) : undefined;
  const [rows, [t]] = await Promise.all([
    db
      .select()
      .from(competitions)
      .where(where)
      .orderBy(desc(competitions.startsOn), asc(competitions.name), asc(competitions.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(competitions).where(where),
  ]);
  const ids = rows.map((r) => r.id);
  const perComp = ids.length
    ? await db
        .select({
          id: competitionEvents.competitionId,
          events: sql<number>`count(distinct ${competitionEvents.id})::int`,
          contestants: sql<number>`count(${competitionRegistrations.id}) filter (where ${competitionRegistrations.status} = 'registered')::int`,
        })
        .from(competitionEvents)
        .leftJoin(competitionRegistrations, eq(competitionRegistrations.eventId, competitionEvents.id))
        .where(inArray(competitionEvents.competitionId, ids))
        .groupBy(competitionEvents.competitionId)
    : [];
  const by = new Map(perComp.map((p) => [p.id, p]));
  const items = await Promise.all(
    rows.map(async (r) => {
      const { events: _e, ...c } = await toCompetition(ctx, db, r, []);
      return { ...c, eventCount: by.get(r.id)?.events ?? 0, contestants: by.get(r.id)?.contestants ?? 0 };
    }),
  );
  return { items, total: t?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

export async function getCompetition(ctx: AppContext, id: string): Promise<Competition> {
  const { db } = ctx.database;
  const c = await findCompetition(db, id);
  const events = await db.select().from(competitionEvents).where(eq(competitionEvents.competitionId, id)).orderBy(asc(competitionEvents.name));
  return toCompetition(ctx, db, c, events);
}

export async function createCompetition(ctx: AppContext, actor: Actor, input: CompetitionInput): Promise<Competition> {
  const county = ctx.regions.get(input.countyCode);
  if (!county || county.level !== "county") throw invalid("countyCode", "请选择县(市、区)一级的举办地");
  if (!coversCounty(actor, input.countyCode)) throw new AppError("FORBIDDEN", "举办地不在您的辖区内", { countyCode: `“${county.name}”不在您的辖区内` });
  const { db } = ctx.database;
  const union = await findUnion(db, input.organiserUnionId);
  if (!union) throw invalid("organiserUnionId", "主办工会不存在");
  const row = await db.transaction(async (tx) => {
    const [c] = await tx
      .insert(competitions)
      .values({ ...input, year: Number(input.startsOn.slice(0, 4)) })
      .returning();
    await writeAudit(tx, auditActorOf(actor), { action: "competition.create", objectType: "competition", objectId: c!.id, detail: { name: input.name, tier: input.tier, level: input.level } });
    return c!;
  });
  return toCompetition(ctx, db, row, []);
}

export async function createEvent(ctx: AppContext, actor: Actor, competitionId: string, body: EventInput) {
  const input = eventInputSchema.parse(body);
  const { db } = ctx.database;
  const c = await findCompetition(db, competitionId);
  requireOrganiser(actor, c);
  const row = await db.transaction(async (tx) => {
    const [e] = await tx.insert(competitionEvents).values({ competitionId, ...input }).returning();
    await writeAudit(tx, auditActorOf(actor), { action: "competitionEvent.create", objectType: "competitionEvent", objectId: e!.id, detail: { name: input.name, tradeCode: input.tradeCode } });
    return e!;
  });
  return toEvent(row, 0);
}

/** The marking scheme (and prize counts, eligibility) change only until judging opens: then the rubric is locked. */
export async function updateEvent(ctx: AppContext, actor: Actor, eventId: string, body: EventInput) {
  const input = eventInputSchema.parse(body);
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  requireOrganiser(actor, competition);
  if (event.judgingOpenedAt) throw new AppError("CONFLICT", "评分已开始，评分标准已锁定，不能再修改");
  const row = await db.transaction(async (tx) => {
    const [e] = await tx.update(competitionEvents).set(input).where(eq(competitionEvents.id, eventId)).returning();
    await writeAudit(tx, auditActorOf(actor), { action: "competitionEvent.update", objectType: "competitionEvent", objectId: eventId, detail: { before: event.scheme, after: input.scheme } });
    return e!;
  });
  return toEvent(row, (await contestantCounts(db, [eventId])).get(eventId) ?? 0);
}

/**
 * 抽签: a random, unguessable order of the registered contestants becomes their entry numbers
 * (A001, A002 …), so the judges mark anonymous entries. Done once; registration closes with it.
 */
export async function drawEntryNumbers(ctx: AppContext, actor: Actor, eventId: string) {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  requireOrganiser(actor, competition);
  if (event.entryNumbersDrawnAt) throw new AppError("CONFLICT", "已抽签，参赛号不能重抽");
  await db.transaction(async (tx) => {
    const regs = await tx.select({ id: competitionRegistrations.id }).from(competitionRegistrations).where(and(eq(competitionRegistrations.eventId, eventId), eq(competitionRegistrations.status, "registered")));
    if (regs.length === 0) throw new AppError("CONFLICT", "还没有报名的选手");
    const order = shuffle(regs.map((r) => r.id));
    const width = Math.max(3, String(order.length).length);
    for (const [i, id] of order.entries()) {
      await tx.update(competitionRegistrations).set({ entryNumber: `A${String(i + 1).padStart(width, "0")}` }).where(eq(competitionRegistrations.id, id));
    }
    await tx.update(competitionEvents).set({ entryNumbersDrawnAt: ctx.now() }).where(eq(competitionEvents.id, eventId));
    await writeAudit(tx, auditActorOf(actor), { action: "competitionEvent.draw", objectType: "competitionEvent", objectId: eventId, detail: { contestants: order.length } });
  });
  return { drawn: true };
}

/** Fisher–Yates with crypto randomness: the draw must not be reproducible from a seed anyone knows. */
function shuffle<T>(xs: T[]): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = crypto.getRandomValues(new Uint32Array(1))[0]! % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** 开始评分: needs the draw; locks the scheme. */
export async function openJudging(ctx: AppContext, actor: Actor, eventId: string) {
  const { db } = ctx.database;
  const { event, competition } = await findEvent(db, eventId);
  requireOrganiser(actor, competition);
  if (!event.entryNumbersDrawnAt) throw new AppError("CONFLICT", "请先抽签确定参赛号");
  if (event.judgingOpenedAt) return { openedOn: todayInChina(event.judgingOpenedAt) };
  await db.transaction(async (tx) => {
    await tx.update(competitionEvents).set({ judgingOpenedAt: ctx.now() }).where(eq(competitionEvents.id, eventId));
    await writeAudit(tx, auditActorOf(actor), { action: "competitionEvent.openJudging", objectType: "competitionEvent", objectId: eventId });
  });
  return { openedOn: todayInChina(ctx.now()) };
}
