import type { ProgrammeDescriptor } from "../programmeDescriptor";
import { inclusiveAuditActions, inclusiveAuditObjects } from "./auditLabels";
import { inclusiveIndicators } from "./indicatorInfo";
import { inclusiveGrants, inclusivePermissions } from "./permissions";

/** 普惠服务 "9+X": the member services every member may use, counted from the ledger. */
export const inclusiveProgramme = {
  id: "inclusive",
  name: "普惠服务(9+X)",
  summary: "会员普惠服务：走访慰问、健康体检、爱心午餐等9项标准服务加各地特色项目",
  permissions: inclusivePermissions,
  grants: inclusiveGrants,
  indicators: inclusiveIndicators,
  auditActions: inclusiveAuditActions,
  auditObjects: inclusiveAuditObjects,
} as const satisfies ProgrammeDescriptor;
