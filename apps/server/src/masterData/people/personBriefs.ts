import { skillLevels, type SkillLevel } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import type { Db } from "../../platform/db/database";
import { personScope } from "./personScope";
import { people } from "./tables";

/**
 * What a programme shows and checks of its participants: name, where they work, occupation and
 * skill level, and the two facts a resident ID carries that competitions' eligibility and statistics
 * need (sex, age on a date). The ID is decrypted here and never leaves the module.
 */
export type PersonBrief = {
  id: string;
  name: string;
  countyCode: string;
  enterpriseId: string | null;
  employerName: string | null;
  occupation: string | null;
  skillLevel: SkillLevel | null;
  sex: "male" | "female" | null;
  birthDate: string | null;
};

function idFacts(id: string): Pick<PersonBrief, "sex" | "birthDate"> {
  if (!/^\d{17}[\dX]$/i.test(id)) return { sex: null, birthDate: null };
  const d = id.slice(6, 14);
  return { sex: Number(id[16]) % 2 === 1 ? "male" : "female", birthDate: `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}` };
}

/** Briefs for these people (any scope: the caller has already decided the actor may see them). */
export async function personBriefs(ctx: AppContext, db: Db, ids: readonly string[]): Promise<Map<string, PersonBrief>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: people.id,
      name: people.name,
      countyCode: people.countyCode,
      enterpriseId: people.enterpriseId,
      employerName: people.employerName,
      occupation: people.occupation,
      skillLevel: people.skillLevel,
      residentIdEnc: people.residentIdEnc,
    })
    .from(people)
    .where(inArray(people.id, [...new Set(ids)]));
  return new Map(
    rows.map(({ residentIdEnc, ...p }) => [p.id, { ...p, skillLevel: (p.skillLevel as SkillLevel | null) ?? null, ...idFacts(ctx.cipher.decrypt(residentIdEnc)) }]),
  );
}

/** Whether the actor may act for this person (staff over its county, its union, the worker itself). */
export async function personVisibleTo(db: Db, actor: Actor, personId: string): Promise<boolean> {
  const [p] = await db.select({ id: people.id }).from(people).where(and(eq(people.id, personId), personScope(actor)));
  return Boolean(p);
}

/**
 * Records a skill-level upgrade a programme grants (浙江金蓝领: one level up), audited in the caller's
 * transaction with the programme's reason. A person with no level on record gets the programme's floor.
 * Returns the change, or null when the person is already at the top.
 */
export async function recordSkillUpgrade(
  tx: Db,
  actor: Actor,
  input: { personId: string; reason: string; floor: SkillLevel },
): Promise<{ from: SkillLevel | null; to: SkillLevel } | null> {
  const [p] = await tx.select({ skillLevel: people.skillLevel }).from(people).where(eq(people.id, input.personId));
  if (!p) return null;
  const from = (p.skillLevel as SkillLevel | null) ?? null;
  const rank = from ? skillLevels.indexOf(from) : -1;
  const to = from ? skillLevels[rank + 1] : input.floor;
  if (!to) return null;
  await tx.update(people).set({ skillLevel: to, updatedAt: new Date() }).where(eq(people.id, input.personId));
  await writeAudit(tx, auditActorOf(actor), { action: "person.skillUpgrade", objectType: "person", objectId: input.personId, detail: { from, to, reason: input.reason } });
  return { from, to };
}
