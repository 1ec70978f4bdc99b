import { addDays, reportKindLabels, reportResponseDays, todayInChina, type ReportAnswer, type ReportInput, type StationReport } from "@jiangxin/domain";
import { and, count, desc, eq, isNotNull, isNull, sql, type SQL } from "drizzle-orm";
import { randomInt } from "node:crypto";
import { scopeCondition } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit, type AuditActor } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import { closeTodos, raiseTodo } from "../../platform/inbox";
import { finderOf, refreshStation } from "./finder/finderOf";
import { announceStationChange } from "./finder/finderSync";
import { stationReports, stations } from "./tables";

/** No 0/O, 1/I: a receipt code is read off a phone and typed again. */
const alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const newReceiptCode = () => Array.from({ length: 10 }, () => alphabet[randomInt(alphabet.length)]).join("");

const columns = {
  r: stationReports,
  stationName: stations.name,
};
type Row = { r: typeof stationReports.$inferSelect; stationName: string };

function toReport(ctx: AppContext, { r, stationName }: Row): StationReport {
  return {
    id: r.id,
    receiptCode: r.receiptCode,
    stationId: r.stationId,
    stationName,
    countyCode: r.countyCode,
    countyName: ctx.regions.get(r.countyCode)?.name ?? r.countyCode,
    kind: r.kind,
    amenity: r.amenity,
    note: r.note,
    observedAt: r.observedAt.toISOString(),
    reportedAt: r.reportedAt.toISOString(),
    dueDate: r.dueDate,
    outcome: r.outcome,
    answer: r.answer,
    answeredAt: r.answeredAt?.toISOString() ?? null,
  };
}

/**
 * A worker's report (no login): stored, and a to-do for the county staff where the station is, due in
 * the kind's response days. The reporter keeps the receipt code to read the answer; nothing identifies them.
 */
export async function createReport(ctx: AppContext, ip: string, stationId: string, input: ReportInput) {
  const now = ctx.now();
  const station = finderOf(ctx).get(stationId, now);
  if (!station) throw notFound("服务站");
  const observedAt = input.observedAt ? new Date(input.observedAt) : now;
  if (observedAt.getTime() > now.getTime() + 5 * 60_000) throw new AppError("VALIDATION_FAILED", "发现时间不能晚于现在", { observedAt: "发现时间不能晚于现在" });
  if (observedAt.getTime() < now.getTime() - 30 * 86_400_000) throw new AppError("VALIDATION_FAILED", "只受理30天内发现的问题", { observedAt: "只受理30天内发现的问题" });
  const dueDate = addDays(todayInChina(now), reportResponseDays[input.kind]);
  const receiptCode = newReceiptCode();
  // The reporter is anonymous; the address is not kept with the report (it would tie a worker to a place and hour).
  const anonymous: AuditActor = { userId: null, username: null, role: null, regionCode: null, ip: null };
  void ip;
  const id = await ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(stationReports)
      .values({ receiptCode, stationId, countyCode: station.countyCode, kind: input.kind, amenity: input.amenity, note: input.note, observedAt, reportedAt: now, dueDate })
      .returning({ id: stationReports.id });
    if (!row) throw new Error("insert returned no row");
    await raiseTodo(tx, {
      kind: "toAccept",
      title: `服务站问题报告：${station.name}(${reportKindLabels[input.kind]})`,
      link: `/stations/reports/${row.id}`,
      to: { role: "county", regionCode: station.countyCode },
      source: { programme: "stations", recordId: row.id },
      dueDate,
      at: now,
    });
    await writeAudit(tx, anonymous, { action: "stationReport.create", objectType: "stationReport", objectId: row.id, detail: { stationId, kind: input.kind } });
    if (input.kind === "locked") await announceStationChange(ctx, tx, stationId);
    return row.id;
  });
  if (input.kind === "locked") finderOf(ctx).setLockReported(stationId, true);
  return { id, receiptCode, dueDate, link: `/public/station-reports/${receiptCode}` };
}

export async function reportByReceipt(ctx: AppContext, code: string): Promise<StationReport> {
  const [row] = await ctx.database.db.select(columns).from(stationReports).innerJoin(stations, eq(stations.id, stationReports.stationId)).where(eq(stationReports.receiptCode, code));
  if (!row) throw notFound("报告");
  return toReport(ctx, row);
}

const scopeOf = (actor: Actor) => scopeCondition(actor, { county: stationReports.countyCode });

export async function listReports(ctx: AppContext, actor: Actor, q: { status?: "open" | "answered"; page: number; pageSize: number }) {
  const conds: SQL[] = [scopeOf(actor)];
  if (q.status === "open") conds.push(isNull(stationReports.answeredAt));
  if (q.status === "answered") conds.push(isNotNull(stationReports.answeredAt));
  const where = and(...conds);
  const db = ctx.database.db;
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(stationReports)
      .innerJoin(stations, eq(stations.id, stationReports.stationId))
      .where(where)
      .orderBy(sql`${stationReports.answeredAt} is not null`, desc(stationReports.reportedAt))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(stationReports).where(where),
  ]);
  return { items: rows.map((r) => toReport(ctx, r)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<StationReport> {
  const [row] = await ctx.database.db
    .select(columns)
    .from(stationReports)
    .innerJoin(stations, eq(stations.id, stationReports.stationId))
    .where(and(eq(stationReports.id, id), scopeOf(actor)));
  if (!row) throw notFound("报告");
  return toReport(ctx, row);
}

/** The county answers: the to-do closes, the reporter reads the answer by the receipt code, a lock report stops blocking. */
export async function answerReport(ctx: AppContext, actor: Actor, id: string, input: ReportAnswer): Promise<StationReport> {
  const report = await getReport(ctx, actor, id);
  if (report.answeredAt) throw new AppError("CONFLICT", "该报告已答复");
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    await tx
      .update(stationReports)
      .set({ outcome: input.outcome, answer: input.answer, answeredAt: now, answeredBy: actor.userId })
      .where(and(eq(stationReports.id, id), isNull(stationReports.answeredAt)));
    await closeTodos(tx, { source: { programme: "stations", recordId: id }, at: now });
    await writeAudit(tx, auditActorOf(actor), { action: "stationReport.answer", objectType: "stationReport", objectId: id, detail: { outcome: input.outcome } });
    if (report.kind === "locked") await announceStationChange(ctx, tx, report.stationId);
  });
  await refreshStation(ctx, report.stationId);
  return getReport(ctx, actor, id);
}
