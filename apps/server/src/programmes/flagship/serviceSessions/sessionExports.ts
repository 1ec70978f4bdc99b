import { agreementListQuerySchema, agreementScopeLabels, agreementStatusLabels, serviceSessionListQuerySchema, trainingListQuerySchema } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportList } from "../../../platform/exportList";
import { listForActor as listAgreements } from "../agreements/service";
import { listForActor as listTrainings } from "../trainings/service";
import { listForActor as listSessions } from "./service";

/** Excel exports of the field-work lists: sessions, agreements, trainings — each as filtered on screen. */
export function sessionExports(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/service-sessions/export",
    permission: "serviceSession.read",
    tags: ["服务场次 service sessions"],
    summary: "服务场次",
    querystring: serviceSessionListQuerySchema,
    filename: () => "服务场次.xlsx",
    list: (actor, query) => listSessions(ctx, actor, query),
    columns: [
      { header: "日期", value: (s) => s.date },
      { header: "县(市、区)", value: (s) => s.countyName },
      { header: "场次", width: 30, value: (s) => s.title },
      { header: "专项行动", width: 30, value: (s) => s.campaignName },
      { header: "服务企业", width: 40, value: (s) => s.enterprises.map((e) => e.name).join("、") },
      { header: "劳模工匠", width: 30, value: (s) => s.experts.map((e) => e.name).join("、") },
      { header: "专家人次", value: (s) => s.experts.length },
      { header: "难题数", value: (s) => s.problemCount },
      { header: "当场提出方案", value: (s) => s.solutionsProposed },
      // Voided sessions stay listed as history, marked, with the reason (they count in no figure).
      { header: "作废", width: 30, value: (s) => (s.voided ? `已作废：${s.voided.reason}` : "") },
    ],
  });
  exportList(app, {
    url: "/api/agreements/export",
    permission: "agreement.read",
    tags: ["一对一协议 agreements"],
    summary: "一对一技术支持协议",
    querystring: agreementListQuerySchema,
    filename: () => "一对一技术支持协议.xlsx",
    list: (actor, query) => listAgreements(ctx, actor, query),
    columns: [
      { header: "协议", width: 36, value: (a) => a.title },
      { header: "企业", width: 32, value: (a) => a.enterpriseName },
      { header: "范围", value: (a) => a.scopes.map((s) => agreementScopeLabels[s]).join("、") },
      { header: "专家", width: 24, value: (a) => a.experts.map((e) => e.name).join("、") },
      { header: "签订日期", value: (a) => a.signedOn },
      { header: "期限", width: 24, value: (a) => `${a.startDate} 至 ${a.endDate}` },
      { header: "状态", value: (a) => agreementStatusLabels[a.status] },
      { header: "里程碑(完成/全部)", value: (a) => `${a.milestones.filter((m) => m.doneOn).length}/${a.milestones.length}` },
      { header: "逾期里程碑", value: (a) => a.milestones.filter((m) => m.overdue).length },
      { header: "作废", width: 30, value: (a) => (a.voided ? `已作废：${a.voided.reason}` : "") },
    ],
  });
  exportList(app, {
    url: "/api/trainings/export",
    permission: "training.read",
    tags: ["培训 trainings"],
    summary: "培训",
    querystring: trainingListQuerySchema,
    filename: () => "培训.xlsx",
    list: (actor, query) => listTrainings(ctx, actor, query),
    columns: [
      { header: "日期", value: (t) => t.date },
      { header: "主题", width: 30, value: (t) => t.topic },
      { header: "县(市、区)", value: (t) => t.countyName },
      { header: "企业", width: 32, value: (t) => t.enterpriseName },
      { header: "授课专家", width: 24, value: (t) => t.trainers.map((e) => e.name).join("、") },
      { header: "培训人次", value: (t) => t.trainees },
      { header: "作废", width: 30, value: (t) => (t.voided ? `已作废：${t.voided.reason}` : "") },
    ],
  });
}
