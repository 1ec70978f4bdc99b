import type { ProgrammeDescriptor } from "../programmeDescriptor";
import { stationsAuditActions, stationsAuditObjects } from "./auditLabels";
import { stationsIndicators } from "./indicatorInfo";
import { stationsGrants, stationsPermissions } from "./permissions";

/** 户外劳动者服务站 as the platform sees it: its name, its permissions and who holds them. */
export const stationsProgramme = {
  id: "stations",
  name: "户外劳动者服务站",
  summary: "为快递员、外卖骑手、环卫和建筑工人提供歇脚、饮水、充电的服务站：公众查找、核实与提升改造计数",
  permissions: stationsPermissions,
  grants: stationsGrants,
  indicators: stationsIndicators,
  auditActions: stationsAuditActions,
  auditObjects: stationsAuditObjects,
} as const satisfies ProgrammeDescriptor;
