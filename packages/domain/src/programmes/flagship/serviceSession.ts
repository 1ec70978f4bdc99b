import { z } from "zod";
import { problemSchema, teamSizeSchema } from "./demand";
import type { ProblemStatus } from "./problemLifecycle";
import { pageQuerySchema } from "../../paging";
import { tradeCodeSchema } from "../../people";
import { regionCodeSchema } from "../../region";
import { correctionReasonSchema, expertIdentitySchema, showVoidedQuerySchema, voidedSchema } from "./correction";
import { doneDateSchema } from "./recordRules";

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

/** 服务场次: one team's visit to one or more enterprises of a county on a date. */
export const serviceSessionInputSchema = z.strictObject({
  date: doneDateSchema("服务日期"),
  countyCode: regionCodeSchema,
  title: z.string().trim().min(4, "场次名称至少4个字").max(80, "场次名称不超过80个字"),
  enterpriseIds: z.array(z.uuid({ error: "企业编号格式不正确" })).min(1, "至少选择一家服务企业").max(20, "一个场次最多20家企业"),
  expertIds: z.array(z.uuid({ error: "专家编号格式不正确" })).min(1, "至少选择一位专家").max(20, "一个场次最多20位专家"),
  leaderExpertId: z.uuid().optional(),
  campaignId: z.uuid().optional(),
  note: z.string().trim().max(1000, "备注不超过1000个字").optional(),
});
export type ServiceSessionInput = z.infer<typeof serviceSessionInputSchema>;

export const sessionExpertSchema = expertIdentitySchema.extend({ leader: z.boolean(), problemIds: z.array(z.string()) });
export const sessionEnterpriseSchema = z.object({ id: z.string(), name: z.string() });

export const serviceSessionSchema = z.object({
  id: z.string(),
  date: z.string(),
  countyCode: z.string(),
  countyName: z.string(),
  title: z.string(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  note: z.string().nullable(),
  enterprises: z.array(sessionEnterpriseSchema),
  experts: z.array(sessionExpertSchema),
  problemCount: z.number().int(),
  solutionsProposed: z.number().int(),
  voided: voidedSchema.nullable(),
});
export type ServiceSession = z.infer<typeof serviceSessionSchema>;

/** The on-site page: 难题—专家—进度, side by side. */
export const threeListsSchema = z.object({
  session: serviceSessionSchema,
  problems: z.array(problemSchema),
});

export type ThreeLists = z.infer<typeof threeListsSchema>;

export const serviceSessionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50).optional(),
  regionCode: regionCodeSchema.optional(),
  campaignId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  expertId: z.uuid().optional(),
  showVoided: showVoidedQuerySchema,
});

export type ServiceSessionListQuery = z.infer<typeof serviceSessionListQuerySchema>;

/** A problem found on site: created in the session, already owned by one of the team. */
export const onSiteProblemInputSchema = z.strictObject({
  enterpriseId: z.uuid({ error: "请选择企业" }),
  title: z.string().trim().min(4, "难题标题至少4个字").max(80, "难题标题不超过80个字"),
  description: z.string().trim().min(10, "请描述难题(至少10个字)").max(2000, "描述不超过2000个字"),
  trade: tradeCodeSchema,
  ownerExpertId: z.uuid({ error: "请选择负责专家" }),
  /** 需要专家人数; co-experts are added on the problem's page (专家团队). */
  teamSize: teamSizeSchema.default(1),
});
export type OnSiteProblemInput = z.infer<typeof onSiteProblemInputSchema>;

/**
 * Problems that may join a session's lists: waiting for a visit, i.e. accepted (not yet assigned) or
 * matched (an expert assigned). The server refuses others; the web offers only these.
 */
export const sessionLinkableStatuses: readonly ProblemStatus[] = ["accepted", "matched"];

/** Attach problems already accepted or matched for the visited enterprises to the session. */
export const linkProblemsInputSchema = z.strictObject({
  problemIds: z.array(z.uuid({ error: "难题编号格式不正确" })).min(1, "至少选择一个难题").max(50, "一次最多关联50个难题"),
});
export type LinkProblemsInput = z.infer<typeof linkProblemsInputSchema>;
export const linkProblemsResultSchema = z.object({ linked: z.number().int() });

/** 更正服务场次: a wrong date, title or note, put right with the reason on record. */
export const serviceSessionCorrectionSchema = z
  .strictObject({
    date: doneDateSchema("服务日期").optional(),
    title: z.string().trim().min(4, "场次名称至少4个字").max(80, "场次名称不超过80个字").optional(),
    note: z.string().trim().max(1000, "备注不超过1000个字").optional(),
    reason: correctionReasonSchema,
  })
  .refine((c) => c.date !== undefined || c.title !== undefined || c.note !== undefined, { message: "请修改至少一项", path: ["date"] });
export type ServiceSessionCorrection = z.infer<typeof serviceSessionCorrectionSchema>;
