import type { Db } from "../../../platform/db/database";
import { demandLists, trainingNeeds } from "../problems/tables";
import { makeProblem, sampleTrainingTopics, type ProblemFields } from "./makeProblem";
import { seededRandom, type Random } from "../../../fixtures/random";

const defaultRandom = seededRandom(5654);

export type DemandListFields = {
  enterpriseId: string;
  countyCode: string;
} & Partial<{
  source: "enterprise" | "union";
  submittedBy: string | null;
  submittedAt: Date;
  note: string | null;
  /** One entry per problem: the fields each should have beyond the enterprise (status, owner, …). */
  problems: Partial<Omit<ProblemFields, "enterpriseId" | "countyCode" | "demandListId">>[];
  trainingNeeds: { topic: string; workers: number }[];
}>;

/** A demand list with its problems (each with its timeline) and training needs. */
export async function makeDemandList(db: Db, fields: DemandListFields, rnd: Random = defaultRandom) {
  const submittedAt = fields.submittedAt ?? new Date();
  const [list] = await db
    .insert(demandLists)
    .values({
      enterpriseId: fields.enterpriseId,
      countyCode: fields.countyCode,
      submittedBy: fields.submittedBy ?? null,
      source: fields.source ?? "enterprise",
      note: fields.note ?? null,
      submittedAt,
    })
    .returning();
  if (!list) throw new Error("insert returned no row");
  const problemSpecs = fields.problems ?? Array.from({ length: rnd.int(1, 3) }, () => ({}));
  const made = [];
  for (const spec of problemSpecs) {
    made.push(await makeProblem(db, { createdAt: submittedAt, ...spec, enterpriseId: fields.enterpriseId, countyCode: fields.countyCode, demandListId: list.id }, rnd));
  }
  const needs = fields.trainingNeeds ?? [{ topic: rnd.pick(sampleTrainingTopics), workers: rnd.int(10, 60) }];
  if (needs.length > 0) {
    await db.insert(trainingNeeds).values(needs.map((n) => ({ demandListId: list.id, enterpriseId: fields.enterpriseId, countyCode: fields.countyCode, topic: n.topic, workers: n.workers })));
  }
  return { list, problems: made };
}
