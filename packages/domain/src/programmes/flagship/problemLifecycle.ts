import { z } from "zod";
import type { Role } from "../../roles";

/** A technical problem's lifecycle. The table below is the only place that says which moves exist. */
export const problemStatuses = [
  "submitted",
  "accepted",
  "matched",
  "onSite",
  "solutionProposed",
  "inDesign",
  "implementing",
  "solved",
  "unresolved",
  "followUp",
  "closed",
  "rejected",
  "withdrawn",
] as const;
export const problemStatusSchema = z.enum(problemStatuses);
export type ProblemStatus = z.infer<typeof problemStatusSchema>;

export const problemStatusLabels: Record<ProblemStatus, string> = {
  submitted: "已提交",
  accepted: "已受理",
  matched: "已匹配专家",
  onSite: "现场服务中",
  solutionProposed: "已提出方案",
  inDesign: "方案设计中",
  implementing: "实施中",
  solved: "已解决",
  unresolved: "现场未解决",
  followUp: "跟进攻关中",
  closed: "已关闭",
  rejected: "不予受理",
  withdrawn: "已撤回",
};

/** Statuses no move leaves. */
export const finalProblemStatuses: readonly ProblemStatus[] = ["solved", "closed", "rejected", "withdrawn"];

/**
 * Withdrawn is reached outside the move table: the enterprise takes back its own problem (or its whole
 * list) while nothing has been done on it yet, i.e. before the union accepts it.
 */
export const withdrawableStatuses: readonly ProblemStatus[] = ["submitted"];
/** Still needing work: shown on open lists and the overdue list. */
export const isOpenProblemStatus = (s: ProblemStatus) => !finalProblemStatuses.includes(s);

export type ProblemTransition = {
  from: ProblemStatus;
  to: ProblemStatus;
  /** The button's words. */
  label: string;
  /** Who may make the move (staff within scope; experts only on problems they own). */
  roles: readonly Role[];
  /** A note is required (reasons for rejecting or closing). */
  noteRequired?: boolean;
  /** The problem must have an owning expert after the move. */
  needsOwner?: boolean;
};

const staff: Role[] = ["province", "city", "county"];
const field: Role[] = ["province", "city", "county", "expert"];

export const problemTransitions: readonly ProblemTransition[] = [
  { from: "submitted", to: "accepted", label: "受理", roles: staff },
  { from: "submitted", to: "rejected", label: "不予受理", roles: staff, noteRequired: true },
  { from: "accepted", to: "matched", label: "指派专家", roles: staff, needsOwner: true },
  { from: "accepted", to: "rejected", label: "不予受理", roles: staff, noteRequired: true },
  { from: "matched", to: "accepted", label: "撤回指派", roles: staff, noteRequired: true },
  { from: "matched", to: "onSite", label: "开始现场服务", roles: field, needsOwner: true },
  { from: "onSite", to: "solutionProposed", label: "提出解决方案", roles: field, noteRequired: true },
  { from: "onSite", to: "unresolved", label: "现场未能解决", roles: field, noteRequired: true },
  { from: "solutionProposed", to: "inDesign", label: "进入方案设计", roles: field },
  { from: "solutionProposed", to: "implementing", label: "开始实施", roles: field },
  { from: "solutionProposed", to: "solved", label: "确认解决", roles: field },
  { from: "inDesign", to: "implementing", label: "开始实施", roles: field },
  { from: "inDesign", to: "solved", label: "确认解决", roles: field },
  { from: "implementing", to: "solved", label: "确认解决", roles: field },
  { from: "unresolved", to: "followUp", label: "返程后继续攻关", roles: field },
  { from: "unresolved", to: "closed", label: "关闭", roles: staff, noteRequired: true },
  { from: "followUp", to: "solved", label: "确认解决", roles: field },
  { from: "followUp", to: "closed", label: "关闭", roles: staff, noteRequired: true },
];

export function transitionsFrom(status: ProblemStatus, role?: Role): ProblemTransition[] {
  return problemTransitions.filter((t) => t.from === status && (role === undefined || t.roles.includes(role)));
}

export function findTransition(from: ProblemStatus, to: ProblemStatus): ProblemTransition | undefined {
  return problemTransitions.find((t) => t.from === from && t.to === to);
}

/** A problem found on site starts here rather than at "submitted". */
export const onSiteEntryStatus: ProblemStatus = "onSite";
