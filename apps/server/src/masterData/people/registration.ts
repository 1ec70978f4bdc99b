import { checkPassword, gigPlatformLabels, type workerRegistrationSchema } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../platform/actor";
import { writeAudit } from "../../platform/audit/writeAudit";
import { actorOf } from "../../platform/auth/actorOf";
import { hashPassword } from "../../platform/auth/passwords";
import { createSession } from "../../platform/auth/sessions";
import { users } from "../../platform/auth/tables";
import type { AppContext } from "../../platform/context";
import { AppError } from "../../platform/errors";
import { matchEnterprise } from "./matchEnterprise";
import { checkCounty, personValues } from "./service";
import { findByHash } from "./queries";
import { people } from "./tables";

type Registration = z.output<typeof workerRegistrationSchema>;

const uniqueViolation = (err: unknown) => (err as { code?: string } | null)?.code === "23505" || (err as { cause?: { code?: string } } | null)?.cause?.code === "23505";
const phoneTaken = () => new AppError("CONFLICT", "该手机号已注册，请直接登录", { phone: "该手机号已注册，请直接登录" });

/**
 * A worker signs up on a phone: a `worker` account (the phone is its login name) bound to the person
 * record. The ID number passed GB 11643 in the schema; here it finds the person if a union entered
 * them already — then the real name must match the record — and an ID bound to an account already
 * is refused. The new account is signed in at once. Nothing here answers differently for a wrong
 * name on an unknown ID than a form error would, and the route is rate limited per address.
 */
export async function registerWorker(ctx: AppContext, input: Registration, ip: string): Promise<{ token: string; actor: Actor }> {
  const { db } = ctx.database;
  checkCounty(ctx, null, input.countyCode);
  const policy = checkPassword(input.password, [input.phone, input.name]);
  if (!policy.ok) throw new AppError("VALIDATION_FAILED", policy.message, { password: policy.message });
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.phone));
  if (taken) throw phoneTaken();

  const hash = ctx.personHash(input.residentId);
  const existing = await findByHash(db, hash);
  if (existing) {
    const [bound] = await db.select({ id: users.id }).from(users).where(eq(users.personId, existing.id));
    if (bound) throw new AppError("CONFLICT", "该身份证号已注册账号，请用注册时的手机号登录", { residentId: "该身份证号已注册账号" });
    if (existing.name !== input.name) {
      throw new AppError("VALIDATION_FAILED", "姓名与身份证号登记信息不一致，请核对或联系所在工会", { name: "姓名与身份证号登记信息不一致" });
    }
  }

  // An employer named exactly as an enterprise of the registry in that county is that enterprise, so
  // the union proposed on 我的 is its own; two of the same name there stay free text (never a guess).
  const employer = !input.platform && input.employerName ? await matchEnterprise(db, input.countyCode, input.employerName) : null;

  // Hashing is slow: before the transaction, which on the embedded database blocks every other.
  const passwordHash = await hashPassword(input.password);
  const now = ctx.now();
  const audit = { userId: null, username: input.phone, role: "worker", regionCode: null, ip };
  try {
    const { user, session } = await db.transaction(async (tx) => {
      let personId = existing?.id;
      if (!personId) {
        const values = personValues(ctx, {
          name: input.name,
          residentId: input.residentId,
          phone: input.phone,
          countyCode: input.countyCode,
          enterpriseId: employer,
          employerName: input.employerName ?? (input.platform ? gigPlatformLabels[input.platform] : null),
          occupation: input.occupation,
          skillLevel: null,
          categories: input.platform ? ["newEmployment"] : ["frontLine"],
          expertId: null,
          platforms: input.platform ? [input.platform] : [],
        });
        const [p] = await tx.insert(people).values(values).returning({ id: people.id });
        personId = p?.id;
      }
      if (!personId) throw new Error("insert returned no row");
      const [u] = await tx
        .insert(users)
        .values({ username: input.phone, displayName: input.name, role: "worker", regionCode: null, personId, passwordHash, passwordChangedAt: now })
        .returning();
      if (!u) throw new Error("insert returned no row");
      const s = await createSession(tx, u.id, ip, now);
      await writeAudit(tx, { ...audit, userId: u.id }, {
        action: "person.register",
        objectType: "person",
        objectId: personId,
        detail: { userId: u.id, countyCode: input.countyCode, platform: input.platform, enterpriseId: employer, existingPerson: Boolean(existing) },
      });
      return { user: u, session: s };
    });
    const actor = await actorOf(ctx, { user, session }, ip);
    return { token: session.token, actor };
  } catch (err) {
    if (!uniqueViolation(err)) throw err;
    // The same phone or ID registering twice at once: the unique indexes let one through.
    const [again] = await db.select({ id: users.id }).from(users).where(eq(users.username, input.phone));
    if (again) throw phoneTaken();
    throw new AppError("CONFLICT", "该身份证号已注册账号，请用注册时的手机号登录", { residentId: "该身份证号已注册账号" });
  }
}
