import { correctableObjects, correctionKindLabels, correctionKinds } from "./correction";

/** Chinese names of the objects the flagship's audit rows are about. */
export const flagshipAuditObjects: Readonly<Record<string, string>> = {
  demandList: "需求清单",
  problem: "难题",
  serviceSession: "服务场次",
  agreement: "协议",
  training: "培训",
  outcome: "成效",
  campaign: "专项行动",
  plan: "指派方案",
  demandLists: "需求清单",
};

/**
 * Chinese names of the actions the flagship writes to the audit log. Corrections are written as
 * `<object>.<kind>` (corrections/recordCorrection.ts), so their names are made from both lists.
 */
export const flagshipAuditActions: Readonly<Record<string, string>> = {
  "demandList.submit": "提交需求清单",
  "problem.move": "推进难题进度",
  "problem.note": "记录难题进展",
  "problem.rate": "评价帮扶",
  "problem.createOnSite": "现场新增难题",
  "problem.update": "修改难题",
  "problem.urge": "催办难题",
  "problem.team.add": "增加协助专家",
  "problem.team.remove": "移除协助专家",
  "problem.linkSession": "难题纳入服务场次",
  "plan.accept": "采纳指派方案",
  "serviceSession.create": "安排服务场次",
  "serviceSession.linkProblems": "关联难题到场次",
  "agreement.create": "签订一对一协议",
  "agreement.checkIn": "协议回访",
  "agreement.milestoneDone": "完成协议里程碑",
  "agreement.completed": "协议完成",
  "agreement.terminated": "协议终止",
  "training.create": "登记培训",
  "outcome.estimate": "登记预估成效",
  "outcome.verify": "核实成效",
  "campaign.create": "设立专项行动",
  "import.demandLists": "批量导入需求清单",
  ...Object.fromEntries(
    correctableObjects.flatMap((object) => correctionKinds.map((kind) => [`${object}.${kind}`, `${correctionKindLabels[kind]}${flagshipAuditObjects[object] ?? object}`])),
  ),
};
