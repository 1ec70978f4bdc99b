import type { Training } from "@jiangxin/domain";
import { and, asc, count, desc, eq, exists, gte, ilike, inArray, isNull, lte, or, sql, type SQL } from "drizzle-orm";
import { scopeCondition } from "../../../platform/access";
import type { Actor } from "../../../platform/actor";
import type { Db } from "../../../platform/db/database";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import type { RegionDirectory } from "../../../platform/regions/regionDirectory";
import { expertDetail, expertIdentityColumns } from "../corrections/expertIdentities";
import { voidedOf } from "../corrections/recordCorrection";
import { trainingTrainers, trainings } from "./tables";

type Row = typeof trainings.$inferSelect;

/** Staff by county, an enterprise its own trainings, an expert those it taught. */
export function trainingScope(db: Db, actor: Actor): SQL {
  const byRegion = scopeCondition(actor, { county: trainings.countyCode, enterprise: trainings.enterpriseId });
  const byTrainer = exists(
    db
      .select({ one: sql`1` })
      .from(trainingTrainers)
      .where(and(eq(trainingTrainers.trainingId, trainings.id), scopeCondition(actor, { expert: trainingTrainers.expertId }))),
  );
  return or(byRegion, byTrainer) ?? sql`false`;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export type TrainingFilters = {
  scope: SQL;
  q?: string;
  counties?: string[];
  from?: string;
  to?: string;
  enterpriseId?: string;
  sessionId?: string;
  agreementId?: string;
  campaignId?: string;
  includeVoided?: boolean;
};

export async function listTrainingRows(db: Db, f: TrainingFilters, page: number, pageSize: number) {
  const conditions: SQL[] = [f.scope];
  // Voided trainings are shown only behind 显示已作废.
  if (!f.includeVoided) conditions.push(isNull(trainings.voidedAt));
  if (f.q) conditions.push(ilike(trainings.topic, `%${escapeLike(f.q)}%`));
  if (f.counties) conditions.push(f.counties.length > 0 ? inArray(trainings.countyCode, f.counties) : sql`false`);
  if (f.from) conditions.push(gte(trainings.date, f.from));
  if (f.to) conditions.push(lte(trainings.date, f.to));
  if (f.enterpriseId) conditions.push(eq(trainings.enterpriseId, f.enterpriseId));
  if (f.sessionId) conditions.push(eq(trainings.sessionId, f.sessionId));
  if (f.agreementId) conditions.push(eq(trainings.agreementId, f.agreementId));
  if (f.campaignId) conditions.push(eq(trainings.campaignId, f.campaignId));
  const where = and(...conditions);
  const [rows, [totalRow]] = await Promise.all([
    db.select().from(trainings).where(where).orderBy(desc(trainings.date), desc(trainings.createdAt), asc(trainings.id)).limit(pageSize).offset((page - 1) * pageSize),
    db.select({ total: count() }).from(trainings).where(where),
  ]);
  return { rows, total: totalRow?.total ?? 0 };
}

export async function findTrainingRow(db: Db, scope: SQL, id: string): Promise<Row | undefined> {
  const [row] = await db.select().from(trainings).where(and(scope, eq(trainings.id, id)));
  return row;
}

export async function toTrainings(db: Db, regions: RegionDirectory, rows: Row[]): Promise<Training[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const firmIds = [...new Set(rows.map((r) => r.enterpriseId).filter((e): e is string => e !== null))];
  const [firms, trainers] = await Promise.all([
    firmIds.length > 0 ? db.select({ id: enterprises.id, name: enterprises.name }).from(enterprises).where(inArray(enterprises.id, firmIds)) : Promise.resolve([]),
    db
      .select({ trainingId: trainingTrainers.trainingId, id: experts.id, name: experts.name, ...expertIdentityColumns })
      .from(trainingTrainers)
      .innerJoin(experts, eq(experts.id, trainingTrainers.expertId))
      .where(inArray(trainingTrainers.trainingId, ids))
      .orderBy(asc(experts.name)),
  ]);
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    topic: r.topic,
    countyCode: r.countyCode,
    countyName: regions.get(r.countyCode)?.name ?? r.countyCode,
    enterpriseId: r.enterpriseId,
    enterpriseName: r.enterpriseId ? (firms.find((f) => f.id === r.enterpriseId)?.name ?? null) : null,
    trainers: trainers.filter((t) => t.trainingId === r.id).map((x) => ({ id: x.id, name: x.name, detail: expertDetail(regions, x) })),
    trainees: r.trainees,
    sessionId: r.sessionId,
    agreementId: r.agreementId,
    campaignId: r.campaignId,
    voided: voidedOf(r),
  }));
}
