import type { ProgrammeDescriptor } from "../programmeDescriptor";
import { recuperationAuditActions, recuperationAuditObjects } from "./auditLabels";
import { recuperationIndicators } from "./indicatorInfo";
import { recuperationGrants, recuperationPermissions } from "./permissions";

/** 职工疗休养 as the platform sees it: its name, its permissions and who holds them. */
export const recuperationProgramme = {
  id: "recuperation",
  name: "职工疗休养",
  summary: "省级疗休养基地、线路与期次，按工会名额公开摇号分配，候补递补，按实际入住统计消费",
  permissions: recuperationPermissions,
  grants: recuperationGrants,
  indicators: recuperationIndicators,
  auditActions: recuperationAuditActions,
  auditObjects: recuperationAuditObjects,
} as const satisfies ProgrammeDescriptor;
