import type { PersonCategory } from "../../person";
import type { SkillLevel } from "../../people";
import type { CertificateKind, DegreeLevel, UpskillingScheme } from "./scheme";

/** What the rules need to know of the applicant, read from the records at submission. */
export type UpskillingApplicant = {
  /** A current (active) union membership. */
  isMember: boolean;
  /** Declared by the applicant (the form asks): a labour contract with the employer. */
  hasLabourContract: boolean;
  categories: readonly PersonCategory[];
};

/** An earlier application by the same person (any year), as the double-funding rule reads it. */
export type PriorApplication = {
  year: number;
  kind: CertificateKind;
  level: string;
  /** Only applications still standing (not rejected, not withdrawn) count against a new one. */
  standing: boolean;
};

export type UpskillingClaim = {
  kind: CertificateKind;
  level: string;
  /** China date the certificate was issued. */
  issuedOn: string;
  /** Another federation subsidy the applicant declares for this year (全总, 省总), if any. */
  otherSubsidy: string | null;
  /** Whether this certificate number is already on another standing application. */
  certificateNumberTaken: boolean;
};

export type EligibilityResult = {
  eligible: boolean;
  /** Why not, in Chinese, one sentence per failed rule (empty when eligible). */
  reasons: string[];
  /** In a priority group (ranked first when the city's quota overflows). */
  priority: boolean;
  /** The priority groups the applicant belongs to, by label. */
  priorityGroups: string[];
};

/**
 * The round's eligibility rules, pure: who may apply, what certificate qualifies, and the rule
 * against double funding. Every failed rule is a reason, so the applicant sees all of them at once.
 */
export function checkEligibility(scheme: UpskillingScheme, today: string, applicant: UpskillingApplicant, claim: UpskillingClaim, prior: readonly PriorApplication[]): EligibilityResult {
  const reasons: string[] = [];
  if (today < scheme.opensOn || today > scheme.closesOn) reasons.push(`${scheme.year}年度申请时间为${scheme.opensOn}至${scheme.closesOn}，当前不在申请期内`);
  if (!applicant.isMember) reasons.push("仅限在会的工会会员申请，请先申请入会，工会确认后再申请");
  const gig = applicant.categories.includes("newEmployment");
  if (!gig && !applicant.hasLabourContract) reasons.push("须与用人单位签订劳动合同(新就业形态劳动者除外)");
  if (claim.kind === "degree" && !scheme.degreeLevels.includes(claim.level as DegreeLevel)) reasons.push("本年度学历补助仅限大专(专科)和本科学历");
  if (claim.kind === "skillGrade" && !scheme.skillLevels.includes(claim.level as SkillLevel)) reasons.push("学徒工不在技能等级补助范围内，须取得初级工(五级)及以上职业技能等级证书");
  if (claim.issuedOn < scheme.certificatesFrom) reasons.push(`证书须于${scheme.certificatesFrom}以后取得`);
  if (claim.issuedOn > today) reasons.push("证书取得日期不能晚于今天");
  const standing = prior.filter((p) => p.standing);
  if (standing.some((p) => p.kind === claim.kind && p.level === claim.level)) reasons.push("同一学历或同一技能等级只补助一次：您已申请过该等级的补助");
  else if (standing.some((p) => p.year === scheme.year)) reasons.push(`每人每年度限补助一次：您已有${scheme.year}年度的申请`);
  if (claim.certificateNumberTaken) reasons.push("该证书编号已被用于申请补助，同一证书不能重复申请");
  if (claim.otherSubsidy) reasons.push(`本年度已享受“${claim.otherSubsidy}”，不能重复享受联合会补助`);
  const priorityGroups = scheme.priorityGroups.filter((g) => applicant.categories.includes(g.category)).map((g) => g.label);
  return { eligible: reasons.length === 0, reasons, priority: priorityGroups.length > 0, priorityGroups };
}

/** One application as the overflow rule ranks it. */
export type QueuedApplication = { id: string; priority: boolean; submittedAt: string };

/**
 * The published overflow rule: priority groups first, then by submission time (id breaks exact ties
 * so the order is total). The first `places` are within the quota.
 */
export function rankForQuota<T extends QueuedApplication>(apps: readonly T[], places: number): { app: T; rank: number; withinQuota: boolean }[] {
  const sorted = [...apps].sort((a, b) => Number(b.priority) - Number(a.priority) || a.submittedAt.localeCompare(b.submittedAt) || a.id.localeCompare(b.id));
  return sorted.map((app, i) => ({ app, rank: i + 1, withinQuota: i < places }));
}
