import type { Role, TotpEnrolment, TotpStatus } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import type { Actor } from "../../actor";
import { auditActorOf, writeAudit } from "../../audit/writeAudit";
import type { AppContext } from "../../context";
import type { Db } from "../../db/database";
import { AppError } from "../../errors";
import { userTotp } from "./tables";

const issuer = "浙江省总工会·匠心";
/** One step either side: a phone clock 30 s off still works. */
const toleranceSeconds = 30;

/** Province and city administrators must have a second factor when the deployment says so (JIANGXIN_REQUIRE_TOTP). */
export const totpRequiredFor = (ctx: AppContext, role: Role): boolean => ctx.config.requireTotp && (role === "province" || role === "city");

async function rowOf(db: Db, userId: string) {
  const [row] = await db.select().from(userTotp).where(eq(userTotp.userId, userId));
  return row;
}

export async function totpStatus(ctx: AppContext, actor: Actor): Promise<TotpStatus> {
  const row = await rowOf(ctx.database.db, actor.userId);
  return { enabled: Boolean(row?.enabledAt), required: totpRequiredFor(ctx, actor.role) };
}

/** True when the account must enrol before doing anything but its own session's business. */
export async function totpEnrolmentMissing(ctx: AppContext, actor: Actor): Promise<boolean> {
  if (!totpRequiredFor(ctx, actor.role)) return false;
  return !(await rowOf(ctx.database.db, actor.userId))?.enabledAt;
}

/** A fresh secret (encrypted at rest) and its QR code; it counts only once a code from it is confirmed. */
export async function enrolTotp(ctx: AppContext, actor: Actor): Promise<TotpEnrolment> {
  const { db } = ctx.database;
  if ((await rowOf(db, actor.userId))?.enabledAt) throw new AppError("CONFLICT", "已启用动态验证码；如需更换手机，请联系管理员重置");
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer, label: actor.username, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 220 });
  await db.transaction(async (tx) => {
    const values = { userId: actor.userId, secretEnc: ctx.cipher.encrypt(secret), enabledAt: null, lastStep: null };
    await tx.insert(userTotp).values(values).onConflictDoUpdate({ target: userTotp.userId, set: values });
    await writeAudit(tx, auditActorOf(actor), { action: "auth.totp.enrol", objectType: "user", objectId: actor.userId });
  });
  return { secret, otpauthUrl, qrDataUrl };
}

/** Checks a code against the stored secret; a code already used (same or earlier step) is refused. */
async function check(ctx: AppContext, row: typeof userTotp.$inferSelect, code: string, now: Date): Promise<number | undefined> {
  const result = await verify({
    secret: ctx.cipher.decrypt(row.secretEnc),
    token: code,
    epoch: Math.floor(now.getTime() / 1000),
    epochTolerance: toleranceSeconds,
    ...(row.lastStep === null ? {} : { afterTimeStep: row.lastStep }),
  });
  return result.valid && "timeStep" in result ? result.timeStep : undefined;
}

export async function confirmTotp(ctx: AppContext, actor: Actor, code: string): Promise<TotpStatus> {
  const { db } = ctx.database;
  const row = await rowOf(db, actor.userId);
  if (!row || row.enabledAt) throw new AppError("CONFLICT", row ? "已启用动态验证码" : "请先扫描二维码开始绑定");
  const now = ctx.now();
  const step = await check(ctx, row, code, now);
  if (step === undefined) throw new AppError("VALIDATION_FAILED", "动态验证码不正确，请核对手机时间后重试", { code: "动态验证码不正确" });
  await db.transaction(async (tx) => {
    await tx.update(userTotp).set({ enabledAt: now, lastStep: step }).where(eq(userTotp.userId, actor.userId));
    await writeAudit(tx, auditActorOf(actor), { action: "auth.totp.enable", objectType: "user", objectId: actor.userId });
  });
  return { enabled: true, required: totpRequiredFor(ctx, actor.role) };
}

/**
 * The login step: "none" when the account has no second factor, "ok" for a fresh right code (its
 * step is recorded in `tx` so it cannot be replayed), "missing" or "wrong" otherwise.
 */
export async function checkLoginTotp(ctx: AppContext, userId: string, code: string | undefined, now: Date): Promise<"none" | "ok" | "missing" | "wrong"> {
  const row = await rowOf(ctx.database.db, userId);
  if (!row?.enabledAt) return "none";
  if (!code) return "missing";
  const step = await check(ctx, row, code, now);
  if (step === undefined) return "wrong";
  await ctx.database.db.update(userTotp).set({ lastStep: step }).where(eq(userTotp.userId, userId));
  return "ok";
}
