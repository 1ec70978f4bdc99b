import { applicationStatusLabels, certificateLevelLabel, chinaDayOf, chinaYearOf, checkEligibility, schemeOfYear, skillLevelLabels, todayInChina, type BankCardUpdate, type UpskillingApplication, type UpskillingApplicationInput } from "@jiangxin/domain";
import { and, desc, eq, ne } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import { auditActorOf, writeAudit } from "../../platform/audit/writeAudit";
import type { AppContext } from "../../platform/context";
import { AppError, notFound } from "../../platform/errors";
import type { ProgrammeMyItem } from "../../platform/programme";
import { personIdOf } from "../../masterData/people";
import { applicantOf } from "./applicant";
import { applicationNumber, maskBankAccount, toApplications } from "./queries";
import { upskillingApplications } from "./tables";

async function myPersonId(ctx: AppContext, actor: Actor): Promise<string> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) throw new AppError("NOT_FOUND", "您的账号未关联职工信息，请先在“我的”完成实名信息，或联系所在工会");
  return personId;
}

function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
  return code === "23505";
}

/**
 * A worker applies. Eligibility is checked now, against the records, and every failed rule comes
 * back as a reason (400, `fields.eligibility`), so the worker knows at once instead of weeks later.
 */
export async function submitApplication(ctx: AppContext, actor: Actor, input: UpskillingApplicationInput): Promise<UpskillingApplication> {
  const personId = await myPersonId(ctx, actor);
  const { db } = ctx.database;
  const now = ctx.now();
  const year = chinaYearOf(now);
  const scheme = schemeOfYear(year);
  if (!scheme) throw new AppError("BAD_REQUEST", `${year}年度学历与技能提升补助尚未开始申请`);
  const applicant = await applicantOf(db, personId, todayInChina(now));
  if (!applicant) throw notFound("职工信息");
  const cityCode = ctx.regions.get(applicant.countyCode)?.parentCode ?? "";
  const prior = await db
    .select({ year: upskillingApplications.year, kind: upskillingApplications.kind, level: upskillingApplications.level, status: upskillingApplications.status })
    .from(upskillingApplications)
    .where(eq(upskillingApplications.personId, personId));
  const [taken] = await db
    .select({ id: upskillingApplications.id })
    .from(upskillingApplications)
    .where(and(eq(upskillingApplications.kind, input.kind), eq(upskillingApplications.certificateNumber, input.certificateNumber), ne(upskillingApplications.status, "rejected")));
  const result = checkEligibility(
    scheme,
    todayInChina(now),
    { isMember: applicant.memberOf !== null, hasLabourContract: input.hasLabourContract, categories: applicant.categories },
    { kind: input.kind, level: input.level, issuedOn: input.issuedOn, otherSubsidy: input.otherSubsidy, certificateNumberTaken: Boolean(taken) },
    prior.map((p) => ({ year: p.year, kind: p.kind, level: p.level, standing: p.status !== "rejected" })),
  );
  if (!(cityCode in scheme.cityQuotas)) result.reasons.push("您的工作所在地不在本年度补助名额分配范围内");
  if (result.reasons.length > 0 || !applicant.memberOf) {
    throw new AppError("VALIDATION_FAILED", `不符合申请条件：${result.reasons.join("；")}`, { eligibility: result.reasons.join("\n") });
  }
  const unionId = applicant.memberOf;
  try {
    const row = await db.transaction(async (tx) => {
      const [created] = await tx
        .insert(upskillingApplications)
        .values({
          year,
          personId,
          applicantUserId: actor.userId,
          personName: applicant.name,
          residentIdMasked: applicant.residentIdMasked,
          countyCode: applicant.countyCode,
          cityCode,
          unionId,
          priority: result.priority,
          priorityGroups: result.priorityGroups,
          kind: input.kind,
          level: input.level,
          certificateNumber: input.certificateNumber,
          issuedOn: input.issuedOn,
          hasLabourContract: input.hasLabourContract,
          bankName: input.bankName,
          bankAccountEnc: ctx.cipher.encrypt(input.bankAccount),
          bankAccountMasked: maskBankAccount(input.bankAccount),
          amountYuan: scheme.amountYuan,
          status: "pending",
          stage: "grassroots",
          submittedAt: now,
          updatedAt: now,
        })
        .returning();
      if (!created) throw new Error("insert returned no row");
      await writeAudit(tx, auditActorOf(actor), { action: "upskilling.apply", objectType: "upskillingApplication", objectId: created.id, detail: { kind: input.kind, level: input.level } });
      return created;
    });
    const [app] = await toApplications(db, ctx.regions, [row]);
    if (!app) throw notFound("申请");
    return app;
  } catch (e) {
    // Two submissions of one certificate at once: the partial unique index lets one through.
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "该证书编号已被用于申请补助，同一证书不能重复申请", { certificateNumber: "该证书编号已被用于申请补助" });
    throw e;
  }
}

export async function myApplications(ctx: AppContext, actor: Actor): Promise<UpskillingApplication[]> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return [];
  const { db } = ctx.database;
  const rows = await db.select().from(upskillingApplications).where(eq(upskillingApplications.personId, personId)).orderBy(desc(upskillingApplications.submittedAt));
  return toApplications(db, ctx.regions, rows);
}

/**
 * 发放失败 → the worker fixes the bank card → 已通过 again, waiting for the next batch. Only the
 * applicant, only after a failed payment; a conditional update, so a double tap changes it once.
 */
export async function fixBankCard(ctx: AppContext, actor: Actor, id: string, input: BankCardUpdate): Promise<UpskillingApplication> {
  const personId = await myPersonId(ctx, actor);
  const { db } = ctx.database;
  const now = ctx.now();
  const row = await db.transaction(async (tx) => {
    const [updated] = await tx
      .update(upskillingApplications)
      .set({ bankName: input.bankName, bankAccountEnc: ctx.cipher.encrypt(input.bankAccount), bankAccountMasked: maskBankAccount(input.bankAccount), status: "approved", reason: null, batchId: null, updatedAt: now })
      .where(and(eq(upskillingApplications.id, id), eq(upskillingApplications.personId, personId), eq(upskillingApplications.status, "failed")))
      .returning();
    if (!updated) return null;
    await writeAudit(tx, auditActorOf(actor), { action: "upskilling.fixBankCard", objectType: "upskillingApplication", objectId: id });
    return updated;
  });
  if (!row) {
    const [mine] = await db.select({ status: upskillingApplications.status }).from(upskillingApplications).where(and(eq(upskillingApplications.id, id), eq(upskillingApplications.personId, personId)));
    if (!mine) throw notFound("申请");
    throw new AppError("CONFLICT", `申请当前为“${applicationStatusLabels[mine.status]}”，只有发放失败的申请可以修改银行卡`);
  }
  const [app] = await toApplications(db, ctx.regions, [row]);
  if (!app) throw notFound("申请");
  return app;
}

/** 我的: each application with its status as the applicant reads it, and the reason when there is one. */
export async function upskillingMyItems(ctx: AppContext, actor: Actor): Promise<ProgrammeMyItem[]> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return [];
  const rows = await ctx.database.db
    .select({ seq: upskillingApplications.seq, year: upskillingApplications.year, kind: upskillingApplications.kind, level: upskillingApplications.level, status: upskillingApplications.status, reason: upskillingApplications.reason, submittedAt: upskillingApplications.submittedAt })
    .from(upskillingApplications)
    .where(eq(upskillingApplications.personId, personId));
  return rows.map((r) => ({
    title: `补助申请 ${applicationNumber(r.year, r.seq)}：${certificateLevelLabel(r.kind, r.level, skillLevelLabels)}`,
    status: applicationStatusLabels[r.status] + (r.reason ? `(${r.reason})` : ""),
    link: "/upskilling/my",
    date: chinaDayOf(r.submittedAt),
  }));
}
