import { finalProblemStatuses, type DemandList, type DemandListDetail, type DemandListInput, type DemandListQuery, type DemandListStatus } from "@jiangxin/domain";
import { and, count, desc, eq, ilike, inArray, or, sql, type SQL } from "drizzle-orm";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import { users } from "../../../platform/auth/tables";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { notFound } from "../../../platform/errors";
import { enterprises } from "../../../masterData/enterprises";
import { problemsOfDemandList, toProblem } from "./queries";
import { demandListScope, problemScope } from "./problemScope";
import { raiseDemandListTodo } from "./inboxWiring";
import { recordProblemEvent } from "./recordProblemEvent";
import { demandLists, problems, trainingNeeds } from "./tables";

const finals = sql.join(finalProblemStatuses.map((s) => sql`${s}`), sql`, `);
/** A list's problems that still count: a voided one (a duplicate, a test) waits for no one and counts nowhere. */
const ofList = sql`${problems.demandListId} = ${demandLists.id} and ${problems.voidedAt} is null`;
const pendingProblems = sql`(select count(*) from ${problems} where ${ofList} and ${problems.status} = 'submitted')`;
/** Where a list stands (demandListStatuses): one CASE, so the status filter and the column agree. */
const statusExpr = sql<DemandListStatus>`case
  when ${demandLists.withdrawnAt} is not null then 'withdrawn'
  when ${pendingProblems} > 0 then 'pending'
  when not exists (select 1 from ${problems} where ${ofList})
    and not exists (select 1 from ${trainingNeeds} where ${trainingNeeds.demandListId} = ${demandLists.id} and ${trainingNeeds.status} <> 'open') then 'pending'
  when not exists (select 1 from ${problems} where ${ofList} and ${problems.status} not in (${finals}))
    and not exists (select 1 from ${trainingNeeds} where ${trainingNeeds.demandListId} = ${demandLists.id} and ${trainingNeeds.status} <> 'done') then 'done'
  else 'inProgress' end`;

/**
 * The same four statuses as filters, written as set lookups (`id in (select …)`) rather than the CASE:
 * the CASE runs its correlated counts once per list, so the 待受理 count over the province's 9,000 lists
 * took 0.9 s alone and 2.8 s under load; each `in` here is one hashed pass over the problems (the
 * waiting ones through problems_waiting_demand_list_idx), whatever the number of lists. Kept equal to
 * statusExpr by demandListStatusFilter.test.ts.
 */
const listsWith = (condition: SQL) => sql`${demandLists.id} in (select ${problems.demandListId} from ${problems} where ${problems.demandListId} is not null and ${problems.voidedAt} is null and ${condition})`;
const listsWithNeeds = (condition: SQL) => sql`${demandLists.id} in (select ${trainingNeeds.demandListId} from ${trainingNeeds} where ${condition})`;
const notWithdrawn = sql`${demandLists.withdrawnAt} is null`;
const hasWaiting = listsWith(sql`${problems.status} = 'submitted'`);
const hasProblems = listsWith(sql`true`);
const hasStartedNeeds = listsWithNeeds(sql`${trainingNeeds.status} <> 'open'`);
const pendingFilter = sql`(${notWithdrawn} and (${hasWaiting} or (not ${hasProblems} and not ${hasStartedNeeds})))`;
const doneFilter = sql`(${notWithdrawn} and not ${listsWith(sql`${problems.status} not in (${finals})`)} and not ${listsWithNeeds(sql`${trainingNeeds.status} <> 'done'`)} and (${hasProblems} or ${hasStartedNeeds}))`;
const demandListStatusFilters: Record<DemandListStatus, SQL> = {
  withdrawn: sql`${demandLists.withdrawnAt} is not null`,
  pending: pendingFilter,
  done: doneFilter,
  inProgress: sql`(${notWithdrawn} and not ${pendingFilter} and not ${doneFilter})`,
};

/** The counters a list row shows, computed in the same query so a page costs one round trip. */
const demandListColumns = {
  list: demandLists,
  enterpriseName: enterprises.name,
  // No account on record (lists from before accounts were kept): the enterprise's contact for its own
  // list, the county federation for one a union entered — who to ask, never a blank cell.
  submittedByName: sql<string>`coalesce(${users.displayName}, case when ${demandLists.source} = 'enterprise' then ${enterprises.contactName} || '（企业联系人）' else null end)`,
  status: statusExpr,
  pendingCount: sql<number>`${pendingProblems}::int`,
  problemCount: sql<number>`(select count(*) from ${problems} where ${ofList})::int`,
  solvedCount: sql<number>`(select count(*) from ${problems} where ${ofList} and ${problems.status} = 'solved')::int`,
  trainingNeedCount: sql<number>`(select count(*) from ${trainingNeeds} where ${trainingNeeds.demandListId} = ${demandLists.id})::int`,
  trainingWorkers: sql<number>`(select coalesce(sum(${trainingNeeds.workers}), 0) from ${trainingNeeds} where ${trainingNeeds.demandListId} = ${demandLists.id})::int`,
};

type DemandListRow = {
  list: typeof demandLists.$inferSelect;
  enterpriseName: string;
  submittedByName: string | null;
  status: DemandListStatus;
  pendingCount: number;
  problemCount: number;
  solvedCount: number;
  trainingNeedCount: number;
  trainingWorkers: number;
};

function selectDemandLists(db: Db) {
  return db
    .select(demandListColumns)
    .from(demandLists)
    .innerJoin(enterprises, eq(enterprises.id, demandLists.enterpriseId))
    .leftJoin(users, eq(users.id, demandLists.submittedBy));
}

function toDemandList(row: DemandListRow, ctx: AppContext): DemandList {
  const l = row.list;
  return {
    id: l.id,
    enterpriseId: l.enterpriseId,
    enterpriseName: row.enterpriseName,
    countyCode: l.countyCode,
    countyName: ctx.regions.get(l.countyCode)?.name ?? l.countyCode,
    source: l.source,
    submittedByName: row.submittedByName ?? `${ctx.regions.get(l.countyCode)?.name ?? ""}总工会`,
    status: row.status,
    pendingCount: row.pendingCount,
    note: l.note,
    submittedAt: l.submittedAt.toISOString(),
    problemCount: row.problemCount,
    solvedCount: row.solvedCount,
    trainingNeedCount: row.trainingNeedCount,
    trainingWorkers: row.trainingWorkers,
    withdrawnAt: l.withdrawnAt?.toISOString() ?? null,
  };
}

export async function listDemandListsForActor(ctx: AppContext, actor: Actor, query: DemandListQuery) {
  const conditions: SQL[] = [demandListScope(actor)];
  if (query.regionCode) {
    ctx.regions.require(query.regionCode);
    conditions.push(inArray(demandLists.countyCode, ctx.regions.countiesUnder(query.regionCode)));
  }
  if (query.enterpriseId) conditions.push(eq(demandLists.enterpriseId, query.enterpriseId));
  if (query.status) conditions.push(demandListStatusFilters[query.status]);
  if (query.q) {
    const like = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const byText = or(
      ilike(enterprises.name, like),
      eq(enterprises.uscc, query.q.toUpperCase()),
      sql`exists (select 1 from ${problems} where ${problems.demandListId} = ${demandLists.id} and ${problems.title} ilike ${like})`,
    );
    if (byText) conditions.push(byText);
  }
  const where = and(...conditions);
  const { db } = ctx.database;
  const [rows, [totalRow]] = await Promise.all([
    selectDemandLists(db)
      .where(where)
      .orderBy(desc(demandLists.submittedAt), desc(demandLists.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(demandLists).innerJoin(enterprises, eq(enterprises.id, demandLists.enterpriseId)).where(where),
  ]);
  return { items: rows.map((r) => toDemandList(r, ctx)), total: totalRow?.total ?? 0, page: query.page, pageSize: query.pageSize };
}

async function detailOf(ctx: AppContext, db: Db, actor: Actor, id: string): Promise<DemandListDetail> {
  const [row] = await selectDemandLists(db).where(and(demandListScope(actor), eq(demandLists.id, id)));
  if (!row) throw notFound("需求清单");
  const [problemRows, needs] = await Promise.all([
    problemsOfDemandList(db, problemScope(actor), id),
    db.select().from(trainingNeeds).where(eq(trainingNeeds.demandListId, id)).orderBy(trainingNeeds.topic),
  ]);
  return {
    ...toDemandList(row, ctx),
    problems: problemRows.map((p) => toProblem(p, ctx.regions)),
    trainingNeeds: needs.map((n) => ({ id: n.id, topic: n.topic, workers: n.workers, status: n.status })),
  };
}

export function getDemandListForActor(ctx: AppContext, actor: Actor, id: string): Promise<DemandListDetail> {
  return detailOf(ctx, ctx.database.db, actor, id);
}

/**
 * An enterprise submits for itself; staff enter a list for an enterprise in their region. Either
 * way the enterprise must be one the actor may see (else 404, as for any out-of-scope record).
 */
/**
 * Saves one demand list, its problems (each with its first timeline event) and training needs, with the
 * audit row, inside the caller's transaction (a bulk import saves many in one). 404 for an enterprise out of reach.
 */
export async function insertDemandList(tx: Db, ctx: AppContext, actor: Actor, input: DemandListInput): Promise<string> {
  const enterpriseScope = scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id });
  const now = ctx.now();
  const [enterprise] = await tx
    .select({ id: enterprises.id, countyCode: enterprises.countyCode, name: enterprises.name })
    .from(enterprises)
    .where(and(enterpriseScope, eq(enterprises.id, input.enterpriseId)));
  if (!enterprise) throw notFound("企业");
  const [list] = await tx
    .insert(demandLists)
    .values({
      enterpriseId: enterprise.id,
      countyCode: enterprise.countyCode,
      submittedBy: actor.userId,
      source: actor.role === "enterprise" ? "enterprise" : "union",
      note: input.note || null,
      submittedAt: now,
    })
    .returning({ id: demandLists.id });
  if (!list) throw new Error("insert returned no row");
  if (input.problems.length > 0) {
    const created = await tx
      .insert(problems)
      .values(
        input.problems.map((p) => ({
          enterpriseId: enterprise.id,
          countyCode: enterprise.countyCode,
          demandListId: list.id,
          title: p.title,
          description: p.description,
          trade: p.trade,
          urgency: p.urgency,
          teamSize: p.teamSize,
          status: "submitted",
          statusChangedAt: now,
          createdAt: now,
        })),
      )
      .returning({ id: problems.id });
    for (const p of created) await recordProblemEvent(tx, actor, { problemId: p.id, at: now, from: null, to: "submitted" });
  }
  if (input.trainingNeeds.length > 0) {
    await tx
      .insert(trainingNeeds)
      .values(input.trainingNeeds.map((n) => ({ demandListId: list.id, enterpriseId: enterprise.id, countyCode: enterprise.countyCode, topic: n.topic, workers: n.workers })));
  }
  await writeAudit(tx, auditActorOf(actor), {
    action: "demandList.submit",
    objectType: "demandList",
    objectId: list.id,
    detail: { enterpriseId: enterprise.id, enterpriseName: enterprise.name, problems: input.problems.length, trainingNeeds: input.trainingNeeds.length },
  });
  await raiseDemandListTodo(tx, ctx, { id: list.id, countyCode: enterprise.countyCode, enterpriseName: enterprise.name, problemCount: input.problems.length, at: now });
  return list.id;
}

export async function submitDemandList(ctx: AppContext, actor: Actor, input: DemandListInput): Promise<DemandListDetail> {
  const listId = await ctx.database.db.transaction((tx) => insertDemandList(tx, ctx, actor, input));
  return getDemandListForActor(ctx, actor, listId);
}
