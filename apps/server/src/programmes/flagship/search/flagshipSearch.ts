import type { FlagshipSearchHit } from "@jiangxin/domain";
import { and, asc, desc, eq, ilike, isNull, or, sql } from "drizzle-orm";
import { expertPoolCondition, scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { AppContext } from "../../../platform/context";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { expertDetail, expertIdentityColumns } from "../corrections/expertIdentities";
import { problemCode } from "../problems/queries";
import { problemScope } from "../problems/problemScope";
import { problems } from "../problems/tables";
import { sessionScope } from "../serviceSessions/sessionScope";
import { serviceSessions } from "../serviceSessions/tables";

const perKind = 5;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
/** 2026-000757, 000757 or 757: a problem's number (its year part is only how it is shown). */
const problemNumberOf = (q: string) => {
  const m = /^(?:\d{4}-)?0*(\d{1,9})$/.exec(q);
  return m?.[1] ? Number(m[1]) : null;
};

/**
 * The flagship's one search box: up to five of each kind, each within the reader's own scope (the same
 * conditions as the lists: a county sees its problems, firms and sessions, the whole expert pool; an
 * enterprise its own; an expert its problems and sessions and only itself in the pool). Voided problems
 * and sessions are left out, as the lists leave them out by default (docs/corrections.md): they are no
 * one's work, and the box has no 显示已作废 — a staff reader looking for one ticks it on the list page.
 */
export async function flagshipSearch(ctx: AppContext, actor: Actor, q: string): Promise<FlagshipSearchHit[]> {
  const { db } = ctx.database;
  const like = `%${escapeLike(q)}%`;
  const no = problemNumberOf(q);
  const county = (code: string) => ctx.regions.get(code)?.name ?? code;

  const problemRows = await db
    .select({ id: problems.id, no: problems.no, title: problems.title, createdAt: problems.createdAt, firm: enterprises.name })
    .from(problems)
    .innerJoin(enterprises, eq(enterprises.id, problems.enterpriseId))
    .where(and(problemScope(actor), isNull(problems.voidedAt), or(ilike(problems.title, like), ilike(enterprises.name, like), no === null ? sql`false` : eq(problems.no, no))))
    // An exact number first.
    .orderBy(no === null ? desc(problems.createdAt) : sql`(${problems.no} = ${no}) desc`, desc(problems.createdAt))
    .limit(perKind);
  const firmRows = await db
    .select({ id: enterprises.id, name: enterprises.name, uscc: enterprises.uscc, countyCode: enterprises.countyCode })
    .from(enterprises)
    .where(and(scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id }), or(ilike(enterprises.name, like), ilike(enterprises.uscc, `${escapeLike(q.toUpperCase())}%`))))
    .orderBy(asc(enterprises.name))
    .limit(perKind);
  const expertRows = await db
    .select({ id: experts.id, name: experts.name, ...expertIdentityColumns })
    .from(experts)
    .where(and(expertPoolCondition(actor, { expertId: experts.id }), ilike(experts.name, like)))
    .orderBy(asc(experts.name), asc(experts.id))
    .limit(perKind);
  const sessionRows = await db
    .select({ id: serviceSessions.id, title: serviceSessions.title, date: serviceSessions.date, countyCode: serviceSessions.countyCode })
    .from(serviceSessions)
    .where(and(sessionScope(db, actor), isNull(serviceSessions.voidedAt), ilike(serviceSessions.title, like)))
    .orderBy(desc(serviceSessions.date))
    .limit(perKind);

  return [
    ...problemRows.map((p): FlagshipSearchHit => ({ kind: "problem", id: p.id, title: p.title, subtitle: `${problemCode(p.no, p.createdAt)} · ${p.firm}`, link: `/problems/${p.id}` })),
    ...firmRows.map((e): FlagshipSearchHit => ({ kind: "enterprise", id: e.id, title: e.name, subtitle: `${e.uscc} · ${county(e.countyCode)}`, link: `/enterprises/${e.id}` })),
    ...expertRows.map((x): FlagshipSearchHit => ({ kind: "expert", id: x.id, title: x.name, subtitle: expertDetail(ctx.regions, x), link: `/experts/${x.id}` })),
    ...sessionRows.map((s): FlagshipSearchHit => ({ kind: "session", id: s.id, title: s.title, subtitle: `${s.date} · ${county(s.countyCode)}`, link: `/service-sessions/${s.id}` })),
  ];
}
