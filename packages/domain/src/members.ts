import { z } from "zod";
import { gigPlatformSchema, personCategorySchema, type MembershipStatus, type PersonCategory } from "./person";
import { regionCodeSchema } from "./region";

/**
 * 会员 (membership at the person level): one member per person, whatever union they belong to now.
 * The union periods are people's `union_memberships` (the history); the member's status is derived
 * from them by `memberStatusOf` below, and what a status allows is the rule table `memberStatusRules`.
 */
export const memberStatuses = ["active", "transferred", "lapsed", "left"] as const;
export const memberStatusSchema = z.enum(memberStatuses, { error: "请选择会员状态" });
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export type MemberStatusRule = {
  label: string;
  /** Counts as a member: isMember() answers true, benefits may be recorded, the card checks as valid. */
  isMember: boolean;
  /** What the status means, shown beside it. */
  meaning: string;
};

/**
 * The status rules as data (CiviCRM's membership status rules, simplified): which statuses count as
 * membership, and how long a member moving between unions stays a member before the new union
 * confirms (`transferGraceDays`). Changing a rule is changing this table, not the code that reads it.
 */
export const memberStatusRules: Record<MemberStatus, MemberStatusRule> = {
  active: { label: "在会", isMember: true, meaning: "在一个基层工会(或县级总工会)在会" },
  transferred: { label: "转会中", isMember: true, meaning: "已从原工会转出，等待新工会确认；宽限期内仍是会员" },
  lapsed: { label: "已失效", isMember: false, meaning: "会籍失效，或转出后超过宽限期仍未加入新工会" },
  left: { label: "已退会", isMember: false, meaning: "本人退会" },
};
export const memberStatusLabels: Record<MemberStatus, string> = {
  active: memberStatusRules.active.label,
  transferred: memberStatusRules.transferred.label,
  lapsed: memberStatusRules.lapsed.label,
  left: memberStatusRules.left.label,
};
/** Days a transferred member stays a member while the new union has not confirmed (a rule, see above). */
export const transferGraceDays = 90;

/** One union period as the derivation needs it (people's union_memberships row). */
export type MembershipPeriod = { status: MembershipStatus; since: string | null; until: string | null };

/**
 * The member's status from their union periods, on a China date (so a ledger row of last spring is
 * judged by last spring's membership). A period counts from its `since` (confirmation) on; pending and
 * declined requests never count. Never a member by then → null. A period running on that date →
 * active. Otherwise the latest period ended by then decides: moved out (transferred) → `transferred`
 * within the grace days, `lapsed` after; lapsed → lapsed; left → left.
 */
export function memberStatusOf(periods: readonly MembershipPeriod[], on: string): MemberStatus | null {
  const confirmed = periods.filter((p) => p.since !== null && p.since <= on && p.status !== "pending" && p.status !== "declined");
  if (confirmed.some((p) => p.until === null || p.until > on)) return "active";
  const last = confirmed.sort((a, b) => (a.until ?? "").localeCompare(b.until ?? "")).at(-1);
  if (!last || !last.until) return null;
  if (last.status === "transferred") return daysBetween(last.until, on) <= transferGraceDays ? "transferred" : "lapsed";
  return last.status === "lapsed" ? "lapsed" : "left";
}

/** Whether a status counts as membership, by the rule table. */
export const statusIsMember = (status: MemberStatus | null): boolean => status !== null && memberStatusRules[status].isMember;

/** The nine standard items' codes (the rows are seeded data; programmes name the item they give). */
export const standardBenefitItemCodes = ["visit", "healthCheck", "mutualAid", "meal", "skills", "legalAid", "counselling", "recuperation", "hardship"] as const;
export type StandardBenefitItemCode = (typeof standardBenefitItemCodes)[number];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** A member as other modules and 我的 see it. */
export const memberSchema = z.object({
  personId: z.string(),
  name: z.string(),
  /** null until the card is issued (the first time the member or staff open it). */
  memberNo: z.string().nullable(),
  status: memberStatusSchema,
  statusLabel: z.string(),
  /** The first day of the first confirmed period (入会日期), kept across transfers. */
  joinedOn: z.string(),
  unionId: z.string().nullable(),
  unionName: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  /** Every union period, oldest first: the transfers are the history of this one member. */
  periods: z.array(z.object({ unionName: z.string(), status: z.string(), statusLabel: z.string(), since: z.string().nullable(), until: z.string().nullable() })),
});
export type Member = z.infer<typeof memberSchema>;

/** The electronic member card (会员证): the QR carries the public check link, nothing personal. */
export const memberCardSchema = memberSchema.extend({
  memberNo: z.string(),
  /** Path of the public check page the QR encodes (/public/member-card/<token>). */
  checkPath: z.string(),
});
export type MemberCard = z.infer<typeof memberCardSchema>;

/** What anyone scanning a card sees: masked name and number, the status. Nothing else. */
export const memberCardCheckSchema = z.object({
  nameMasked: z.string(),
  memberNoMasked: z.string(),
  status: memberStatusSchema.nullable(),
  statusLabel: z.string(),
  valid: z.boolean(),
  checkedAt: z.string(),
});
export type MemberCardCheck = z.infer<typeof memberCardCheckSchema>;

/** 陈晓东 → 陈*东, 李四 → 李*: the first and (for three or more characters) the last character. */
export function maskPersonName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return "*";
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${"*".repeat(chars.length - 2)}${chars.at(-1)}`;
}
/** ZJ0000012345 → ZJ******2345. */
export function maskMemberNo(no: string): string {
  return no.length <= 6 ? "*".repeat(no.length) : `${no.slice(0, 2)}${"*".repeat(no.length - 6)}${no.slice(-4)}`;
}

/**
 * A member moves: a new platform, employer or city. The old union period ends as `transferred` and a
 * new one starts (pending for the proposed union, or active when staff enter it): the same member,
 * one more line of history.
 */
export const memberTransferSchema = z.strictObject({
  countyCode: regionCodeSchema,
  platform: gigPlatformSchema.nullable().default(null),
  employerName: z
    .string()
    .trim()
    .max(100, "工作单位不超过100个字")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
  occupation: z
    .string()
    .trim()
    .max(40, "职业(工种)不超过40个字")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
});
export type MemberTransfer = z.input<typeof memberTransferSchema>;

export const memberTransferResultSchema = z.object({ member: memberSchema, unionName: z.string(), reason: z.string(), pending: z.boolean() });

// ——— The "9+X" ledger (普惠服务台账) ———

/** A calendar date typed as YYYY-MM-DD. */
const chinaDateSchema = z
  .string({ error: "请填写日期" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式应为YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), "日期不存在");

/** Standard items (the nine) are the province's; a local X item belongs to a city or county. */
export const benefitItemKinds = ["standard", "local"] as const;
export type BenefitItemKind = (typeof benefitItemKinds)[number];

/** Who may receive an item: categories (any when empty) and a minimum membership age in days. */
export const benefitEligibilitySchema = z.strictObject({
  categories: z.array(personCategorySchema).max(3).default([]),
  minMemberDays: z.number().int().min(0, "入会天数不能为负").max(3650).default(0),
});
export type BenefitEligibility = z.output<typeof benefitEligibilitySchema>;

export const benefitItemSchema = z.object({
  code: z.string(),
  name: z.string(),
  kind: z.enum(benefitItemKinds),
  /** A local item's city or county; null for the nine standard items. */
  regionCode: z.string().nullable(),
  description: z.string(),
  eligibility: z.object({ categories: z.array(personCategorySchema), minMemberDays: z.number() }),
  /** Times a member may receive it in a calendar year; null = no limit. */
  yearlyLimit: z.number().nullable(),
  active: z.boolean(),
});
export type BenefitItem = z.infer<typeof benefitItemSchema>;

/** A local X item, added by city or county staff (the nine standard ones come with the system). */
export const benefitItemInputSchema = z.strictObject({
  code: z
    .string({ error: "请填写项目代码" })
    .trim()
    .regex(/^[a-z][a-zA-Z0-9]{1,30}$/, "项目代码为2–31位英文字母或数字，以小写字母开头"),
  name: z.string({ error: "请填写项目名称" }).trim().min(2, "项目名称至少2个字").max(30, "项目名称不超过30个字"),
  regionCode: regionCodeSchema,
  description: z.string().trim().max(200, "说明不超过200个字").default(""),
  eligibility: benefitEligibilitySchema.default({ categories: [], minMemberDays: 0 }),
  yearlyLimit: z.number({ error: "年度次数上限须为整数" }).int("年度次数上限须为整数").min(1, "年度次数上限至少为1").max(366, "年度次数上限不超过366").nullable().default(null),
});
export type BenefitItemInput = z.input<typeof benefitItemInputSchema>;

/** Editing a local X item: everything but its code and region (the ledger rows keep pointing at it). */
export const benefitItemUpdateSchema = benefitItemInputSchema.omit({ code: true, regionCode: true }).extend({
  active: z.boolean({ error: "请选择是否启用" }).default(true),
});
export type BenefitItemUpdate = z.input<typeof benefitItemUpdateSchema>;

/** One benefit a member received: one ledger row, from whichever programme gave it. */
export const ledgerEntrySchema = z.object({
  id: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  occurredOn: z.string(),
  programme: z.string(),
  countyCode: z.string(),
  amountCents: z.number().nullable(),
  note: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;

/** Why a benefit cannot be recorded; programmes show the message. */
export const benefitRefusals = {
  notMember: "不是在会会员，不能享受普惠服务",
  unknownItem: "没有这个普惠服务项目",
  notEligible: "不符合该项目的享受条件",
  overLimit: "本年度该项目已达次数上限",
} as const;

/** A union or staff records a benefit given by hand (a health check, a visit …). */
export const ledgerRecordInputSchema = z.strictObject({
  personId: z.uuid({ error: "请选择会员" }),
  itemCode: z.string({ error: "请选择服务项目" }).min(1, "请选择服务项目"),
  occurredOn: chinaDateSchema,
  note: z
    .string()
    .trim()
    .max(200, "说明不超过200个字")
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null),
});
export type LedgerRecordInput = z.input<typeof ledgerRecordInputSchema>;

export type { PersonCategory };

/** 我的会员: the worker's member record and card (issued on first view), and their own ledger. */
export const myMembershipSchema = z.object({
  member: memberSchema.nullable(),
  card: z.object({ memberNo: z.string(), checkPath: z.string() }).nullable(),
  ledger: z.array(ledgerEntrySchema),
  /** While not a member: what to do (申请入会 on 我的). */
  hint: z.string().nullable(),
});
export type MyMembership = z.infer<typeof myMembershipSchema>;

export const benefitItemListSchema = z.object({ items: z.array(benefitItemSchema) });
