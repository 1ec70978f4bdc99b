import type { Db } from "../../../platform/db/database";
import { trainings, trainingTrainers } from "../trainings/tables";
import { sampleTrainingTopics } from "./makeProblem";
import { seededRandom, type Random } from "../../../fixtures/random";

const defaultRandom = seededRandom(107000);

export type TrainingFields = {
  countyCode: string;
  trainerExpertIds: string[];
} & Partial<{
  date: string;
  topic: string;
  enterpriseId: string | null;
  trainees: number;
  sessionId: string | null;
  agreementId: string | null;
  campaignId: string | null;
}>;

/** A training with its trainers; `trainees` is person-times (人次). */
export async function makeTraining(db: Db, fields: TrainingFields, rnd: Random = defaultRandom) {
  const [row] = await db
    .insert(trainings)
    .values({
      date: fields.date ?? "2025-05-21",
      topic: fields.topic ?? rnd.pick(sampleTrainingTopics),
      countyCode: fields.countyCode,
      enterpriseId: fields.enterpriseId ?? null,
      trainees: fields.trainees ?? rnd.int(20, 80),
      sessionId: fields.sessionId ?? null,
      agreementId: fields.agreementId ?? null,
      campaignId: fields.campaignId ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await db.insert(trainingTrainers).values([...new Set(fields.trainerExpertIds)].map((expertId) => ({ trainingId: row.id, expertId })));
  return row;
}
