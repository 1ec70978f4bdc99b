import type { Db } from "../../../platform/db/database";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";
import { seededRandom, type Random } from "../../../fixtures/random";

const defaultRandom = seededRandom(2352);

/** Session titles as county unions write them on their notices. */
export const sampleSessionTitles: readonly string[] = [
  "劳模工匠助企行现场服务",
  "劳模工匠进山区助企服务",
  "大国工匠走进企业技术会诊",
  "浙江工匠送技术上门专场",
  "劳模创新工作室结对帮扶服务",
];

export type ServiceSessionFields = {
  enterpriseIds: string[];
  expertIds: string[];
} & Partial<{
  date: string;
  countyCode: string;
  title: string;
  /** Defaults to the first expert. */
  leaderExpertId: string | null;
  campaignId: string | null;
  note: string | null;
  createdBy: string | null;
}>;

/** A session with its enterprises and team; the first expert leads unless told otherwise. */
export async function makeServiceSession(db: Db, fields: ServiceSessionFields, rnd: Random = defaultRandom) {
  const [row] = await db
    .insert(serviceSessions)
    .values({
      date: fields.date ?? "2025-05-20",
      countyCode: fields.countyCode ?? "330127",
      title: fields.title ?? rnd.pick(sampleSessionTitles),
      campaignId: fields.campaignId ?? null,
      note: fields.note ?? null,
      createdBy: fields.createdBy ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const leader = fields.leaderExpertId === undefined ? fields.expertIds[0] : fields.leaderExpertId;
  await db.insert(sessionEnterprises).values([...new Set(fields.enterpriseIds)].map((enterpriseId) => ({ sessionId: row.id, enterpriseId })));
  await db.insert(sessionExperts).values([...new Set(fields.expertIds)].map((expertId) => ({ sessionId: row.id, expertId, leader: expertId === leader })));
  return row;
}
