import type { Role } from "../../roles";

/**
 * What 职业技能竞赛's routes may require. Judging duties (judge, chief judge, supervisor) are not
 * roles: `competition.judge` lets an account be put on a panel, and every judging route then checks
 * the account's assignment to that event's panel (apps/server/src/programmes/competitions/panels).
 */
export const competitionPermissions = [
  "competition.read", // competitions, events and (once final) results; within one's region for staff
  "competition.write", // organise: competitions, events, marking schemes, panels, entry numbers, publishing
  "competition.register", // register for an event: a worker for themself, a union for its members, staff for anyone in scope
  "competition.judge", // act on a panel one is assigned to: score, verify, sign, decide appeals
  "competition.appeal", // lodge a written appeal inside the window (the contestant, their union, the organiser)
  "competition.approve", // approve 浙江金蓝领 nominations (the province)
] as const;
export type CompetitionPermission = (typeof competitionPermissions)[number];

const organiser: CompetitionPermission[] = ["competition.read", "competition.write", "competition.register", "competition.judge", "competition.appeal"];

export const competitionGrants: Partial<Record<Role, readonly CompetitionPermission[]>> = {
  province: [...organiser, "competition.approve"],
  city: organiser,
  county: organiser,
  union: ["competition.read", "competition.register", "competition.appeal"],
  expert: ["competition.read", "competition.judge"],
  worker: ["competition.read", "competition.register", "competition.appeal"],
};
