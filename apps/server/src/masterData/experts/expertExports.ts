import { expertAvailabilityLabels, expertListQuerySchema, honourTitleLabels, skillLevelLabels, trades } from "@jiangxin/domain";
import type { AppContext, HttpApp } from "../../platform/context";
import { exportList } from "../../platform/exportList";
import { listForActor } from "./service";

export function expertExports(app: HttpApp, ctx: AppContext): void {
  exportList(app, {
    url: "/api/experts/export",
    permission: "expert.read",
    tags: ["专家库 experts"],
    summary: "劳模工匠库",
    querystring: expertListQuerySchema,
    filename: () => "劳模工匠库.xlsx",
    list: (actor, query) => listForActor(ctx, actor, query),
    columns: [
      { header: "姓名", value: (e) => e.name },
      { header: "工作单位", width: 32, value: (e) => e.employer },
      { header: "所在县(市、区)", value: (e) => e.homeCountyName },
      { header: "职业技能等级", width: 16, value: (e) => skillLevelLabels[e.skillLevel] },
      { header: "工种", width: 24, value: (e) => e.trades.map((t) => trades[t]).join("、") },
      { header: "荣誉", width: 40, value: (e) => e.honours.map((h) => `${h.name ?? honourTitleLabels[h.title]}(${h.year})`).join("；") },
      { header: "可服务状态", value: (e) => expertAvailabilityLabels[e.availability] },
      { header: "在办难题", value: (e) => e.openProblems },
      { header: "承担上限", value: (e) => e.maxOpenProblems },
      { header: "手机号(脱敏)", width: 16, value: (e) => e.phoneMasked },
    ],
  });
}
