import { z } from "zod";
import { pageQuerySchema } from "./paging";
import { skillLevelSchema } from "./people";
import { regionCodeSchema } from "./region";
import { mobileSchema } from "./validators/mobile";
import { residentIdSchema } from "./validators/residentId";

/**
 * 职工: one record per person across every programme, found again by the resident ID number (a keyed
 * hash of it, server side). Categories say which of the federation's groups a person belongs to.
 */
export const personCategories = ["frontLine", "modelCraftsman", "newEmployment"] as const;
export const personCategorySchema = z.enum(personCategories, { error: "请选择职工类别" });
export type PersonCategory = z.infer<typeof personCategorySchema>;
export const personCategoryLabels: Record<PersonCategory, string> = {
  frontLine: "一线职工",
  modelCraftsman: "劳模工匠",
  newEmployment: "新就业形态劳动者",
};

/** The platforms new-employment-form workers (外卖骑手、快递员、网约车司机…) work through. */
export const gigPlatforms = ["meituan", "eleme", "sf", "jd", "didi", "cainiao", "huolala", "other"] as const;
export const gigPlatformSchema = z.enum(gigPlatforms, { error: "请选择所在平台" });
export type GigPlatform = z.infer<typeof gigPlatformSchema>;
export const gigPlatformLabels: Record<GigPlatform, string> = {
  meituan: "美团",
  eleme: "饿了么",
  sf: "顺丰",
  jd: "京东",
  didi: "滴滴",
  cainiao: "菜鸟",
  huolala: "货拉拉",
  other: "其他平台",
};
/**
 * The trade a platform's workers are in, as the 覆盖建 unions are named (…网约配送行业工会联合会,
 * …快递物流行业工会联合会): a platform without a union of its own name in the county is proposed its
 * trade's union there. null: no trade union to look for.
 */
export const gigPlatformSectors: Record<GigPlatform, string | null> = {
  meituan: "网约配送",
  eleme: "网约配送",
  sf: "快递物流",
  jd: "快递物流",
  cainiao: "快递物流",
  didi: "网约车",
  huolala: "货运",
  other: null,
};

/**
 * A membership's life: a worker's request waits for the union (pending); the union confirms
 * (active) or declines (declined); an active one ends by transfer to another union, lapse or leaving.
 */
export const membershipStatuses = ["pending", "active", "declined", "transferred", "lapsed", "left"] as const;
export const membershipStatusSchema = z.enum(membershipStatuses, { error: "请选择会籍状态" });
export type MembershipStatus = z.infer<typeof membershipStatusSchema>;
export const membershipStatusLabels: Record<MembershipStatus, string> = {
  pending: "待工会确认",
  active: "在会",
  declined: "未通过",
  transferred: "已转出",
  lapsed: "已失效",
  left: "已退会",
};
/** The statuses of a current membership: a person holds at most one at a time. */
export const currentMembershipStatuses = ["pending", "active"] as const satisfies readonly MembershipStatus[];

const nameSchema = z.string({ error: "请填写姓名" }).trim().min(2, "姓名至少2个字").max(20, "姓名不超过20个字");
const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label}不超过${max}个字`)
    .transform((v) => (v === "" ? null : v))
    .nullable()
    .default(null);

const personFields = {
  name: nameSchema,
  residentId: residentIdSchema,
  phone: mobileSchema.nullable().default(null),
  countyCode: regionCodeSchema,
  enterpriseId: z.uuid({ error: "企业编号格式不正确" }).nullable().default(null),
  employerName: optionalText("工作单位", 100),
  occupation: optionalText("职业(工种)", 40),
  skillLevel: skillLevelSchema.nullable().default(null),
  categories: z.array(personCategorySchema).max(3, "职工类别最多3项").default(["frontLine"]),
  expertId: z.uuid({ error: "专家编号格式不正确" }).nullable().default(null),
  platforms: z.array(gigPlatformSchema).max(8, "平台最多8个").default([]),
};

/** Rules across fields, the same for entry and edit. */
function checkPerson(v: { categories: PersonCategory[]; platforms: GigPlatform[]; expertId: string | null }, ctx: z.RefinementCtx): void {
  if (new Set(v.categories).size !== v.categories.length) ctx.addIssue({ code: "custom", path: ["categories"], message: "职工类别有重复" });
  if (v.categories.includes("newEmployment") && v.platforms.length === 0) {
    ctx.addIssue({ code: "custom", path: ["platforms"], message: "新就业形态劳动者请选择所在平台" });
  }
  if (!v.categories.includes("newEmployment") && v.platforms.length > 0) {
    ctx.addIssue({ code: "custom", path: ["platforms"], message: "只有新就业形态劳动者填写所在平台" });
  }
  if (v.expertId && !v.categories.includes("modelCraftsman")) {
    ctx.addIssue({ code: "custom", path: ["expertId"], message: "关联劳模工匠库的职工请勾选“劳模工匠”类别" });
  }
}

/**
 * What union or county staff enter for a person. The employer is an enterprise on record or, for
 * a firm not on record (or a platform worker), its name as free text. The county is where the
 * person works: regional staff see people by it.
 */
export const personInputSchema = z.strictObject(personFields).superRefine(checkPerson);

/**
 * An edit replaces every field; the personal data the form only shows masked may be left out: an
 * absent ID number or phone keeps the stored one, `phone: null` removes it. A corrected ID number is
 * checked for duplicates like a new entry.
 */
export const personUpdateSchema = z
  .strictObject({ ...personFields, residentId: residentIdSchema.optional(), phone: mobileSchema.nullable().optional() })
  .superRefine(checkPerson);
export type PersonUpdate = z.input<typeof personUpdateSchema>;
export type PersonUpdateValues = z.output<typeof personUpdateSchema>;

export type PersonInput = z.input<typeof personInputSchema>;
export type PersonValues = z.output<typeof personInputSchema>;

export const membershipSchema = z.object({
  id: z.string(),
  personId: z.string(),
  unionId: z.string(),
  unionName: z.string(),
  status: membershipStatusSchema,
  /** The date the union confirmed (入会日期); null while pending. */
  since: z.string().nullable(),
  /** The date it ended (transferred, lapsed, left, declined). */
  until: z.string().nullable(),
  requestedAt: z.string(),
  note: z.string().nullable(),
});
export type Membership = z.infer<typeof membershipSchema>;

export const personSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Always masked (330127********1234); the full number has its own logged endpoint. */
  residentIdMasked: z.string(),
  phoneMasked: z.string().nullable(),
  countyCode: z.string(),
  countyName: z.string(),
  cityName: z.string(),
  enterpriseId: z.string().nullable(),
  /** The enterprise's name when on record, else the free text. */
  employerName: z.string().nullable(),
  occupation: z.string().nullable(),
  skillLevel: skillLevelSchema.nullable(),
  categories: z.array(personCategorySchema),
  expertId: z.string().nullable(),
  platforms: z.array(gigPlatformSchema),
  /** The current (pending or active) membership, if any. */
  membership: membershipSchema.nullable(),
  hasAccount: z.boolean(),
  createdAt: z.string(),
});
export type Person = z.infer<typeof personSchema>;

export const personDetailSchema = personSchema.extend({ memberships: z.array(membershipSchema) });
export type PersonDetail = z.infer<typeof personDetailSchema>;

export const personListQuerySchema = pageQuerySchema.extend({
  /** Name, employer, or a whole resident ID number (found by its hash, never by a scan). */
  q: z.string().trim().max(40, "搜索词不超过40个字").optional(),
  regionCode: regionCodeSchema.optional(),
  category: personCategorySchema.optional(),
  membershipStatus: membershipStatusSchema.optional(),
  unionId: z.uuid({ error: "工会编号格式不正确" }).optional(),
});
export type PersonListQuery = z.infer<typeof personListQuerySchema>;

export const personResidentIdSchema = z.object({ residentId: z.string() });
export const personPhoneSchema = z.object({ phone: z.string().nullable() });
/** A person's id in a route's path: people's /api/people/:id, members' /api/members/:personId. */
export const personIdSchema = z.uuid({ error: "职工编号格式不正确" });

/**
 * A worker signing up on a phone: the phone is the login name. The password policy is applied server
 * side. Where one works is structured, because it decides the union proposed: a platform (a
 * new-employment-form worker: the platform's 覆盖建 union in the county) or an employer (found in the
 * enterprise registry by its name in the county: the enterprise's union); else the area's regional union.
 */
export const workerRegistrationSchema = z.strictObject({
  name: nameSchema,
  residentId: residentIdSchema,
  phone: mobileSchema,
  password: z.string({ error: "请设置密码" }).min(1, "请设置密码").max(256, "密码过长"),
  countyCode: regionCodeSchema,
  platform: gigPlatformSchema.nullable().default(null),
  employerName: optionalText("工作单位", 100),
  occupation: optionalText("职业(工种)", 40),
});
export type WorkerRegistration = z.input<typeof workerRegistrationSchema>;

/** A worker asks to join a union: the one proposed for them, or one they picked. */
export const joinUnionRequestSchema = z.strictObject({
  unionId: z.uuid({ error: "请选择要加入的工会" }),
  note: optionalText("留言", 200),
});
export type JoinUnionRequest = z.input<typeof joinUnionRequestSchema>;

/** Staff decide a pending request, or end an active membership. */
export const membershipDecisionSchema = z.strictObject({
  status: z.enum(["active", "declined", "transferred", "lapsed", "left"], { error: "请选择处理结果" }),
  note: optionalText("说明", 200),
});
export type MembershipDecision = z.input<typeof membershipDecisionSchema>;

/** A union proposed to a worker (the grassroots union of their employer or area), with why. */
export const unionProposalSchema = z.object({ unionId: z.string(), unionName: z.string(), reason: z.string() });
export type UnionProposal = z.infer<typeof unionProposalSchema>;

/** One of a worker's applications or registrations in a programme, as 我的 lists it. */
export const myItemSchema = z.object({
  programmeId: z.string(),
  programmeName: z.string(),
  title: z.string(),
  status: z.string(),
  /** A page of the web app, when there is one to open. */
  link: z.string().nullable(),
  date: z.string().nullable(),
});
export type MyItem = z.infer<typeof myItemSchema>;

/** 我的: the signed-in worker's own record (masked), their memberships and what to propose. */
export const myProfileSchema = z.object({
  person: personDetailSchema.nullable(),
  proposals: z.array(unionProposalSchema),
});
export type MyProfile = z.infer<typeof myProfileSchema>;
