import { applicationStatusLabels, rankForQuota, reviewStageLabels, schemeOfYear, type ReviewDecision, type ReviewOutcome, type ReviewStage, type upskillingListQuerySchema } from "@jiangxin/domain";
import { and, asc, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import { users } from "../../platform/auth/tables";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { notify } from "../../platform/inbox";
import { applicationNumber, applicationScope, toApplications, type ApplicationRow } from "./queries";
import { upskillingApplications, upskillingReviews } from "./tables";

type ListQuery = z.infer<typeof upskillingListQuerySchema>;

/**
 * The step of the chain this actor decides, for applications it sees: a grassroots union account the
 * first; county staff the second (and the first for a union without an account of its own); city staff
 * the third. Province staff follow and pay, they do not review.
 */
function stagesOf(actor: Actor): ReviewStage[] {
  if (actor.role === "union") return ["grassroots"];
  if (actor.role === "county") return ["grassroots", "county"];
  if (actor.role === "city") return ["city"];
  return [];
}

/** A union with no enabled union account: its first step falls to the county's staff. */
const unionHasNoAccount = sql`not exists (select 1 from ${users} u where u.union_id = ${upskillingApplications.unionId} and u.role = 'union' and not u.disabled)`;

/** The condition under which this actor may decide an application at its step now. */
function decidableBy(actor: Actor): SQL {
  const scope = applicationScope(actor);
  if (actor.role === "union") return sql`${scope} and ${upskillingApplications.stage} = 'grassroots'`;
  if (actor.role === "county") return sql`${scope} and (${upskillingApplications.stage} = 'county' or (${upskillingApplications.stage} = 'grassroots' and ${unionHasNoAccount}))`;
  if (actor.role === "city") return sql`${scope} and ${upskillingApplications.stage} = 'city'`;
  return sql`false`;
}

export async function listApplications(ctx: AppContext, actor: Actor, query: ListQuery) {
  const { db } = ctx.database;
  const conds: SQL[] = [applicationScope(actor)];
  if (query.year) conds.push(eq(upskillingApplications.year, query.year));
  if (query.status) conds.push(eq(upskillingApplications.status, query.status));
  if (query.stage) conds.push(eq(upskillingApplications.stage, query.stage));
  if (query.mine === "true") conds.push(sql`${upskillingApplications.status} = 'pending' and ${decidableBy(actor)}`);
  if (query.q) {
    const like = `%${query.q}%`;
    const byNumber = /^SQ\d{4}-(\d+)$/i.exec(query.q);
    conds.push(or(ilike(upskillingApplications.personName, like), ilike(upskillingApplications.certificateNumber, like), byNumber ? eq(upskillingApplications.seq, Number(byNumber[1])) : sql`false`) ?? sql`false`);
  }
  const where = and(...conds);
  // Pending ones in the order the published overflow rule ranks them: priority groups, then submission time.
  const order = query.status === "pending" || query.mine === "true" ? [desc(upskillingApplications.priority), asc(upskillingApplications.submittedAt)] : [desc(upskillingApplications.submittedAt)];
  const [rows, [total]] = await Promise.all([
    db.select().from(upskillingApplications).where(where).orderBy(...order).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ n: count() }).from(upskillingApplications).where(where),
  ]);
  return { items: await toApplications(db, ctx.regions, rows), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}

/** Places still open in a city this year: its quota less the applications the city has approved. */
async function placesLeft(db: Db, year: number, cityCode: string): Promise<number> {
  const quota = schemeOfYear(year)?.cityQuotas[cityCode] ?? 0;
  const [used] = await db
    .select({ n: count() })
    .from(upskillingApplications)
    .where(and(eq(upskillingApplications.year, year), eq(upskillingApplications.cityCode, cityCode), inArray(upskillingApplications.status, ["approved", "paid", "failed"])));
  return quota - (used?.n ?? 0);
}

const nextStage: Record<ReviewStage, ReviewStage | null> = { grassroots: "county", county: "city", city: null };

/**
 * Batch approve or reject at the actor's step. Each application moves by a conditional update (still
 * pending at the same step), so two reviewers deciding one application change it once. At the city's
 * step, approvals are bounded by the quota under the published rule: among the city's applications
 * waiting at this step, those ranked (priority, then submission time) beyond the places left are
 * skipped with their rank named.
 */
export async function decideApplications(ctx: AppContext, actor: Actor, input: ReviewDecision): Promise<ReviewOutcome> {
  const { db } = ctx.database;
  const now = ctx.now();
  const rows = await db.select().from(upskillingApplications).where(and(inArray(upskillingApplications.id, input.ids), applicationScope(actor)));
  const found = new Map(rows.map((r) => [r.id, r]));
  const skipped: ReviewOutcome["skipped"] = input.ids.filter((id) => !found.has(id)).map((id) => ({ id, number: null, reason: "申请不存在或不在您的管辖范围内" }));
  const decidable = new Set(
    (await db.select({ id: upskillingApplications.id }).from(upskillingApplications).where(and(inArray(upskillingApplications.id, input.ids), eq(upskillingApplications.status, "pending"), decidableBy(actor)))).map((r) => r.id),
  );
  const candidates: ApplicationRow[] = [];
  for (const r of rows) {
    if (decidable.has(r.id)) candidates.push(r);
    else if (r.status !== "pending") skipped.push({ id: r.id, number: applicationNumber(r.year, r.seq), reason: `已是“${applicationStatusLabels[r.status]}”` });
    else skipped.push({ id: r.id, number: applicationNumber(r.year, r.seq), reason: `正在“${reviewStageLabels[r.stage ?? "grassroots"]}”环节，不是您这一级的审核` });
  }

  // The quota at the city's step: rank every application of the city waiting there, not only the selected.
  let allowed: Set<string> | null = null;
  const rankNote = new Map<string, string>();
  if (input.decision === "approve" && actor.role === "city") {
    allowed = new Set();
    for (const key of new Set(candidates.map((c) => `${c.year}:${c.cityCode}`))) {
      const [year, cityCode] = [Number(key.split(":")[0]), key.split(":")[1] ?? ""];
      const waiting = await db
        .select({ id: upskillingApplications.id, priority: upskillingApplications.priority, submittedAt: upskillingApplications.submittedAt })
        .from(upskillingApplications)
        .where(and(eq(upskillingApplications.year, year), eq(upskillingApplications.cityCode, cityCode), eq(upskillingApplications.status, "pending"), eq(upskillingApplications.stage, "city")));
      const places = await placesLeft(db, year, cityCode);
      for (const r of rankForQuota(waiting.map((w) => ({ ...w, submittedAt: w.submittedAt.toISOString() })), Math.max(0, places))) {
        if (r.withinQuota) allowed.add(r.app.id);
        else rankNote.set(r.app.id, `超出本市名额：按公布的规则(优先群体在先，再按提交时间)排第${r.rank}位，剩余名额${Math.max(0, places)}个`);
      }
    }
  }

  const done: string[] = [];
  await db.transaction(async (tx) => {
    for (const r of candidates) {
      if (allowed && !allowed.has(r.id)) {
        skipped.push({ id: r.id, number: applicationNumber(r.year, r.seq), reason: rankNote.get(r.id) ?? "超出本市名额" });
        continue;
      }
      const stage = r.stage ?? "grassroots";
      const approve = input.decision === "approve";
      const next = approve ? nextStage[stage] : null;
      const status = !approve ? "rejected" : next ? "pending" : "approved";
      const [moved] = await tx
        .update(upskillingApplications)
        .set({ status, stage: next, reason: approve ? null : input.reason, approvedAt: status === "approved" ? now : null, updatedAt: now })
        .where(and(eq(upskillingApplications.id, r.id), eq(upskillingApplications.status, "pending"), eq(upskillingApplications.stage, stage)))
        .returning({ id: upskillingApplications.id });
      if (!moved) {
        skipped.push({ id: r.id, number: applicationNumber(r.year, r.seq), reason: "已被他人处理" });
        continue;
      }
      await tx.insert(upskillingReviews).values({ applicationId: r.id, stage, decision: input.decision, reason: input.reason, reviewerUserId: actor.userId, reviewerName: actor.displayName, at: now });
      await writeAudit(tx, auditActorOf(actor), { action: approve ? "upskilling.approve" : "upskilling.reject", objectType: "upskillingApplication", objectId: r.id, detail: { stage } });
      if (r.applicantUserId && (status === "approved" || status === "rejected")) {
        await notify(tx, {
          userIds: [r.applicantUserId],
          title: status === "approved" ? "学历与技能提升补助申请已通过" : "学历与技能提升补助申请未通过",
          body: status === "approved" ? `申请 ${applicationNumber(r.year, r.seq)} 已通过审核，补助将随下一批次发放到您的银行卡` : `申请 ${applicationNumber(r.year, r.seq)} 未通过：${input.reason ?? ""}`,
          link: "/upskilling/my",
          source: { programme: "upskilling", recordId: r.id },
          at: now,
        });
      }
      done.push(r.id);
    }
  });
  return { done, skipped };
}

/** Whether the actor holds a step of the chain at all (the page shows 批量通过 only then). */
export function mayReview(actor: Actor): boolean {
  return stagesOf(actor).length > 0;
}
