import type { ServiceSession, ServiceSessionInput, ThreeLists } from "@jiangxin/domain";
import type { serviceSessionListQuerySchema } from "@jiangxin/domain";
import { sessionDateIssue, todayInChina } from "@jiangxin/domain";
import { eq, inArray } from "drizzle-orm";
import type { z } from "zod";
import { coversCounty } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { AppError, notFound } from "../../../platform/errors";
import { campaigns } from "../campaigns/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { findSessionRow, listSessionRows, toSessions } from "./queries";
import { sessionProblems } from "./sessionProblems";
import { sessionScope } from "./sessionScope";
import { serviceSessions, sessionEnterprises, sessionExperts } from "./tables";

type ListQuery = z.infer<typeof serviceSessionListQuerySchema>;

/** An enterprise account sees its own firm and problems on a session, never the other firms visited. */
export const ownEnterpriseOf = (actor: Actor): string | undefined => (actor.scope.kind === "enterprise" ? actor.scope.enterpriseId : undefined);

const invalid = (field: string, message: string) => new AppError("VALIDATION_FAILED", message, { [field]: message });

/** A county-level unit the actor may work in, or a field error saying why not. */
export function requireCountyInScope(ctx: AppContext, actor: Actor, countyCode: string, field = "countyCode"): void {
  const county = ctx.regions.get(countyCode);
  if (!county || county.level !== "county") throw invalid(field, "请选择县(市、区)一级的区划");
  if (!coversCounty(actor, countyCode)) throw new AppError("FORBIDDEN", "只能在本辖区内安排", { [field]: `“${county.name}”不在您的辖区内` });
}

/** The experts named, all existing and active; duplicates collapse to one. */
export async function requireActiveExperts(tx: Db, ids: readonly string[], field: string): Promise<{ id: string; name: string }[]> {
  const unique = [...new Set(ids)];
  const rows = await tx.select({ id: experts.id, name: experts.name, active: experts.active }).from(experts).where(inArray(experts.id, unique));
  if (rows.length !== unique.length) throw invalid(field, "所选专家中有不存在的专家，请刷新后重选");
  const inactive = rows.filter((r) => !r.active);
  if (inactive.length > 0) throw invalid(field, `专家${inactive.map((r) => `“${r.name}”`).join("、")}已停用，不能安排`);
  return unique.map((id) => rows.find((r) => r.id === id)).filter((r): r is (typeof rows)[number] => r !== undefined);
}

export async function requireCampaign(tx: Db, id: string | undefined, field = "campaignId"): Promise<void> {
  if (!id) return;
  const [row] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, id));
  if (!row) throw invalid(field, "专项行动不存在");
}

export async function listForActor(ctx: AppContext, actor: Actor, query: ListQuery) {
  let counties: string[] | undefined;
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    counties = ctx.regions.countiesUnder(query.regionCode);
  }
  const { db } = ctx.database;
  const { rows, total } = await listSessionRows(
    db,
    { scope: sessionScope(db, actor), q: query.q, counties, campaignId: query.campaignId, from: query.from, to: query.to, expertId: query.expertId, includeVoided: query.showVoided },
    query.page,
    query.pageSize,
  );
  return { items: await toSessions(db, ctx.regions, rows, ownEnterpriseOf(actor)), total, page: query.page, pageSize: query.pageSize };
}

export async function getForActor(ctx: AppContext, actor: Actor, id: string): Promise<ServiceSession> {
  const { db } = ctx.database;
  const row = await findSessionRow(db, sessionScope(db, actor), id);
  if (!row) throw notFound("服务场次");
  const [session] = await toSessions(db, ctx.regions, [row], ownEnterpriseOf(actor));
  if (!session) throw notFound("服务场次");
  return session;
}

/** 难题—专家—进度: the session with its team (each with the problems they own) and all its problems. */
export async function threeListsForActor(ctx: AppContext, actor: Actor, id: string): Promise<ThreeLists> {
  const session = await getForActor(ctx, actor, id);
  return { session, problems: await sessionProblems(ctx.database.db, ctx.regions, id, ownEnterpriseOf(actor)) };
}

export async function createForActor(ctx: AppContext, actor: Actor, input: ServiceSessionInput): Promise<ServiceSession> {
  requireCountyInScope(ctx, actor, input.countyCode);
  const dateIssue = sessionDateIssue(input.date, todayInChina(ctx.now()));
  if (dateIssue) throw invalid("date", dateIssue);
  const countyName = ctx.regions.get(input.countyCode)?.name ?? input.countyCode;
  const expertIds = [...new Set(input.expertIds)];
  if (input.leaderExpertId && !expertIds.includes(input.leaderExpertId)) throw invalid("leaderExpertId", "带队专家须是服务团队成员");
  const { db } = ctx.database;
  const row = await db.transaction(async (tx) => {
    const enterpriseIds = [...new Set(input.enterpriseIds)];
    const found = await tx.select({ id: enterprises.id, name: enterprises.name, countyCode: enterprises.countyCode }).from(enterprises).where(inArray(enterprises.id, enterpriseIds));
    // A firm outside the actor's region is answered like a missing one: the message never names it.
    const firms = found.filter((f) => coversCounty(actor, f.countyCode));
    if (firms.length !== enterpriseIds.length) throw invalid("enterpriseIds", "所选企业中有不存在的企业，请刷新后重选");
    const elsewhere = firms.filter((f) => f.countyCode !== input.countyCode);
    if (elsewhere.length > 0) throw invalid("enterpriseIds", `企业${elsewhere.map((f) => `“${f.name}”`).join("、")}不在${countyName}，不能列入本场次`);
    await requireActiveExperts(tx, expertIds, "expertIds");
    await requireCampaign(tx, input.campaignId);
    const [created] = await tx
      .insert(serviceSessions)
      .values({ date: input.date, countyCode: input.countyCode, title: input.title, campaignId: input.campaignId ?? null, note: input.note ?? null, createdBy: actor.userId })
      .returning();
    if (!created) throw new Error("insert returned no row");
    await tx.insert(sessionEnterprises).values(enterpriseIds.map((enterpriseId) => ({ sessionId: created.id, enterpriseId })));
    await tx.insert(sessionExperts).values(expertIds.map((expertId) => ({ sessionId: created.id, expertId, leader: expertId === input.leaderExpertId })));
    await writeAudit(tx, auditActorOf(actor), {
      action: "serviceSession.create",
      objectType: "serviceSession",
      objectId: created.id,
      detail: { title: created.title, date: created.date, countyCode: created.countyCode, enterpriseIds, expertIds },
    });
    return created;
  });
  const [session] = await toSessions(db, ctx.regions, [row]);
  if (!session) throw new Error("created session not found");
  return session;
}
