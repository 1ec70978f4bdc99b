import type { ProgrammeDescriptor } from "../programmeDescriptor";
import { upskillingAuditActions, upskillingAuditObjects } from "./auditLabels";
import { upskillingIndicators } from "./indicatorInfo";
import { upskillingGrants, upskillingPermissions } from "./permissions";

/** 学历与技能提升行动 (双提升) as the platform sees it. */
export const upskillingProgramme = {
  id: "upskilling",
  name: "学历与技能提升",
  summary: "职工取得学历或技能等级证书后申请一次性补助，基层、县、市三级审核后发放到银行卡",
  permissions: upskillingPermissions,
  grants: upskillingGrants,
  indicators: upskillingIndicators,
  auditActions: upskillingAuditActions,
  auditObjects: upskillingAuditObjects,
} as const satisfies ProgrammeDescriptor;
