import type { ProgrammeDescriptor } from "../programmeDescriptor";
import { competitionsAuditActions, competitionsAuditObjects } from "./auditLabels";
import { competitionIndicators } from "./indicatorInfo";
import { competitionGrants, competitionPermissions } from "./permissions";

/** 职业技能竞赛 as the platform sees it: its name, its permissions and who holds them. */
export const competitionsProgramme = {
  id: "competitions",
  name: "职业技能竞赛",
  summary: "重点赛、示范赛、常规赛：报名、评分、成绩签发与申诉、浙江金蓝领认定",
  permissions: competitionPermissions,
  grants: competitionGrants,
  indicators: competitionIndicators,
  auditActions: competitionsAuditActions,
  auditObjects: competitionsAuditObjects,
} as const satisfies ProgrammeDescriptor;
