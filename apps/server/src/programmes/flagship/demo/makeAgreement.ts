import type { Db } from "../../../platform/db/database";
import { agreementCheckIns, agreementExperts, agreementMilestones, agreements } from "../agreements/tables";

export type AgreementFields = {
  enterpriseId: string;
  countyCode: string;
  expertIds: string[];
} & Partial<{
  title: string;
  scopes: ("equipmentRenovation" | "talentTraining" | "other")[];
  signedOn: string;
  startDate: string;
  endDate: string;
  status: "active" | "completed" | "terminated";
  sessionId: string | null;
  milestones: { title: string; dueDate: string; doneOn?: string | null }[];
  checkIns: { date: string; note: string; byName: string }[];
}>;

/** The article's kind of agreement: a year of equipment renovation and talent training. */
export const sampleMilestones = (startYear: number) => [
  { title: "完成设备现状诊断与改造方案", dueDate: `${startYear}-07-31` },
  { title: "关键设备改造完成并试运行", dueDate: `${startYear}-10-31` },
  { title: "培养本厂维修骨干10名", dueDate: `${startYear + 1}-03-31` },
];

export async function makeAgreement(db: Db, fields: AgreementFields) {
  const signedOn = fields.signedOn ?? "2025-05-20";
  const year = Number(signedOn.slice(0, 4));
  const [row] = await db
    .insert(agreements)
    .values({
      enterpriseId: fields.enterpriseId,
      countyCode: fields.countyCode,
      title: fields.title ?? "设备改造与人才培养一对一技术支持协议",
      scopes: fields.scopes ?? ["equipmentRenovation", "talentTraining"],
      signedOn,
      startDate: fields.startDate ?? signedOn,
      endDate: fields.endDate ?? `${year + 1}-05-19`,
      status: fields.status ?? "active",
      sessionId: fields.sessionId ?? null,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  await db.insert(agreementExperts).values([...new Set(fields.expertIds)].map((expertId) => ({ agreementId: row.id, expertId })));
  const milestones: { title: string; dueDate: string; doneOn?: string | null }[] = fields.milestones ?? sampleMilestones(year);
  if (milestones.length > 0) {
    await db.insert(agreementMilestones).values(milestones.map((m) => ({ agreementId: row.id, title: m.title, dueDate: m.dueDate, doneOn: m.doneOn ?? null })));
  }
  const checkIns = fields.checkIns ?? [];
  if (checkIns.length > 0) await db.insert(agreementCheckIns).values(checkIns.map((c) => ({ agreementId: row.id, ...c })));
  return row;
}
