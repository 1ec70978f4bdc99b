import type { ProgrammeDescriptor } from "../programmeDescriptor";
import { flagshipAuditActions, flagshipAuditObjects } from "./auditLabels";
import { flagshipIndicators } from "./indicatorInfo";
import { flagshipGrants, flagshipPermissions } from "./permissions";
import { flagshipStartedOn } from "./recordRules";

/** 劳模工匠助企行 as the platform sees it: its name, its permissions and who holds them. */
export const flagshipProgramme = {
  id: "flagship",
  name: "劳模工匠助企行",
  summary: "劳模工匠进企业破解技术难题、培训技术工人",
  permissions: flagshipPermissions,
  grants: flagshipGrants,
  indicators: flagshipIndicators,
  auditActions: flagshipAuditActions,
  auditObjects: flagshipAuditObjects,
  startedOn: flagshipStartedOn,
} as const satisfies ProgrammeDescriptor;
