import type { Role } from "../../roles";

/** What the flagship's routes may require; the role grants below are the flagship's part of the permission table. */
export const flagshipPermissions = [
  "demand.submit", // submit an enterprise's demand list (the enterprise itself, or its union)
  "problem.read",
  "problem.move", // which moves, for whom, is the transition table's business (problemLifecycle.ts)
  "problem.rate",
  "serviceSession.read",
  "serviceSession.write",
  "serviceSession.onSite", // add problems found on site and record progress during a visit
  "agreement.read",
  "agreement.write",
  "training.read",
  "training.write",
  "outcome.read",
  "outcome.write",
  "outcome.verify",
  "campaign.read",
  "campaign.write",
  "campaign.plan", // compute and accept an expert assignment plan (专家调度规划); staff only
  "indicators.read",
  "task.mine", // 我的任务: an expert's own open problems and coming visits, on its phone
  "record.void", // void a wrong session, training, agreement or problem, with a reason (staff; the record stays, out of every figure)
] as const;
export type FlagshipPermission = (typeof flagshipPermissions)[number];

const staff: FlagshipPermission[] = [
  "demand.submit", "problem.read", "problem.move", "serviceSession.read", "serviceSession.write", "serviceSession.onSite",
  "agreement.read", "agreement.write", "training.read", "training.write", "outcome.read", "outcome.write", "outcome.verify",
  "campaign.read", "campaign.plan", "indicators.read", "record.void",
];

export const flagshipGrants: Partial<Record<Role, readonly FlagshipPermission[]>> = {
  province: [...staff, "campaign.write"],
  city: [...staff, "campaign.write"],
  county: staff,
  enterprise: ["demand.submit", "problem.read", "problem.rate", "serviceSession.read", "agreement.read", "training.read", "outcome.read"],
  expert: ["task.mine", "problem.read", "problem.move", "serviceSession.read", "serviceSession.onSite", "agreement.read", "training.read", "outcome.read", "outcome.write"],
};
