import type { Agreement, AgreementStatus } from "@jiangxin/domain";
import { agreementScopes, agreementStatusOf } from "@jiangxin/domain";
import { and, asc, count, desc, eq, exists, ilike, inArray, isNull, or, sql, type SQL } from "drizzle-orm";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";
import { expertDetail, expertIdentityColumns } from "../corrections/expertIdentities";
import { voidedOf } from "../corrections/recordCorrection";
import { agreementCheckIns, agreementExperts, agreementMilestones, agreements } from "./tables";

type Row = typeof agreements.$inferSelect;
type Scope = Agreement["scopes"][number];

/** Staff by county, the enterprise its own agreements, an expert those it is part of. */
export function agreementScope(db: Db, actor: Actor): SQL {
  const byRegion = scopeCondition(actor, { county: agreements.countyCode, enterprise: agreements.enterpriseId });
  const byTeam = exists(
    db
      .select({ one: sql`1` })
      .from(agreementExperts)
      .where(and(eq(agreementExperts.agreementId, agreements.id), scopeCondition(actor, { expert: agreementExperts.expertId }))),
  );
  return or(byRegion, byTeam) ?? sql`false`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type AgreementFilters = { scope: SQL; q?: string; counties?: string[]; enterpriseId?: string; status?: AgreementStatus; today: string; includeVoided?: boolean };

/** The shown status as a condition: closed ones by their closure, open ones by where today falls in their term. */
function statusCondition(status: AgreementStatus, today: string): SQL {
  if (status === "completed" || status === "terminated") return eq(agreements.status, status);
  const open = eq(agreements.status, "active");
  if (status === "signed") return and(open, sql`${agreements.startDate} > ${today}`) ?? sql`false`;
  if (status === "expired") return and(open, sql`${agreements.endDate} < ${today}`) ?? sql`false`;
  return and(open, sql`${agreements.startDate} <= ${today}`, sql`${agreements.endDate} >= ${today}`) ?? sql`false`;
}

export async function listAgreementRows(db: Db, f: AgreementFilters, page: number, pageSize: number) {
  const conditions: SQL[] = [f.scope];
  // Voided agreements are shown only behind 显示已作废.
  if (!f.includeVoided) conditions.push(isNull(agreements.voidedAt));
  if (f.q) conditions.push(ilike(agreements.title, `%${escapeLike(f.q)}%`));
  if (f.counties) conditions.push(f.counties.length > 0 ? inArray(agreements.countyCode, f.counties) : sql`false`);
  if (f.enterpriseId) conditions.push(eq(agreements.enterpriseId, f.enterpriseId));
  if (f.status) conditions.push(statusCondition(f.status, f.today));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(agreements).where(where).orderBy(desc(agreements.signedOn), asc(agreements.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(agreements).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findAgreementRow(db: Db, scope: SQL, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(agreements).where(and(scope, eq(agreements.id, id)));
  return row;
}

/**
 * The API shape, batched per page. `overdue` is computed against `today` (a Chinese calendar date)
 * at read time, never stored, so it cannot go stale.
 */
export async function toAgreements(db: Db, regions: RegionDirectory, rows: Row[], today: string): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [firms, team, milestones, checkIns] = await Promise.all([
    db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, [...new Set(rows.map((r) => r.enterpriseId))])),
    db
      .select({ agreementId: agreementExperts.agreementId, id: experts.id, name: experts.name, ...expertIdentityColumns })
      .from(agreementExperts)
      .innerJoin(experts, eq(experts.id, agreementExperts.expertId))
      .where(inArray(agreementExperts.agreementId, ids))
      .orderBy(asc(experts.name)),
    db.select().from(agreementMilestones).where(inArray(agreementMilestones.agreementId, ids)).orderBy(asc(agreementMilestones.dueDate), asc(agreementMilestones.title)),
    db.select().from(agreementCheckIns).where(inArray(agreementCheckIns.agreementId, ids)).orderBy(desc(agreementCheckIns.date), desc(agreementCheckIns.createdAt)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    enterpriseId: r.enterpriseId,
    enterpriseName: firms.find((f) => f.id === r.enterpriseId)?.name ?? "",
    countyCode: r.countyCode,
    title: r.title,
    scopes: r.scopes.filter((s): s is Scope => (agreementScopes as readonly string[]).includes(s)),
    experts: team.filter((x) => x.agreementId === r.id).map((x) => ({ id: x.id, name: x.name, detail: expertDetail(regions, x) })),
    signedOn: r.signedOn,
    startDate: r.startDate,
    endDate: r.endDate,
    status: agreementStatusOf({ closure: r.status, startDate: r.startDate, endDate: r.endDate }, today),
    sessionId: r.sessionId,
    milestones: milestones
      .filter((m) => m.agreementId === r.id)
      .map((m) => ({ id: m.id, title: m.title, dueDate: m.dueDate, doneOn: m.doneOn, overdue: m.doneOn === null && r.status === "active" && m.dueDate < today })),
    checkIns: checkIns.filter((c) => c.agreementId === r.id).map((c) => ({ id: c.id, date: c.date, note: c.note, byName: c.byName })),
    voided: voidedOf(r),
  }));
}
