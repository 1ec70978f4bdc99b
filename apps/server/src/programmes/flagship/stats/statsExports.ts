import { enterpriseSizeLabels, enterpriseSizes, priorityKindLabels, statsByRegionQuerySchema, statsCountyParamsSchema, statsCountyQuerySchema, type StatsRegionRow } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportFilename } from "../../../platform/exportFilename";
import { buildXlsx, sendXlsx, type XlsxColumn } from "../../../platform/xlsx";
import { countyEnterprises, countySessions } from "./countyLists";
import { statsByRegion } from "./service";

const tags = ["统计 stats"];
/** Pages of the county lists an export reads at a time; a county's year is at most a few thousand rows. */
const chunk = 1000;

type Figures = Omit<StatsRegionRow, "code" | "name" | "level" | "parentCode" | "priority">;

/** The six figures as the page's table heads them; money in yuan as numbers, so Excel can sum them. */
const figureColumns = <T extends Figures>(): XlsxColumn<T>[] => [
  { header: "服务场次(场次)", value: (r) => r.sessions },
  { header: "参加劳模工匠(人次)", value: (r) => r.expertParticipations },
  { header: "服务企业(家)", value: (r) => r.enterprisesServed },
  { header: "解决问题(个)", value: (r) => r.problemsSolved },
  { header: "培训技术工人(人次)", value: (r) => r.workerTrainings },
  { header: "经济效益·预估(元)", width: 20, value: (r) => Number(r.benefitEstimatedYuan) },
  { header: "经济效益·已核实(元)", width: 20, value: (r) => Number(r.benefitVerifiedYuan) },
];

const sizeLabel = (size: string) => ((enterpriseSizes as readonly string[]).includes(size) ? enterpriseSizeLabels[size as (typeof enterpriseSizes)[number]] : size);

async function allPages<T>(fetch: (page: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const first = await fetch(1);
  const items = [...first.items];
  for (let page = 2; (page - 1) * chunk < first.total; page++) items.push(...(await fetch(page)).items);
  return items;
}

/**
 * Excel files of the statistics page's tables, built from the same service calls as the JSON the
 * page shows, so a file and the screen cannot disagree: the region table (children and 合计) and a
 * county's enterprises and sessions of the year, every page.
 */
export function statsExportRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/stats/by-region/export",
    { config: { permission: "indicators.read" }, schema: { tags, summary: "导出下级区域指标(Excel)", querystring: statsByRegionQuerySchema } },
    async (request, reply) => {
      const data = await statsByRegion(ctx, actorOfRequest(request), request.query);
      const region = ctx.regions.get(data.regionCode);
      const rows: (Figures & { name: string; priority: string })[] = [
        ...data.rows.map((r) => ({ ...r, priority: r.priority.map((k) => priorityKindLabels[k]).join("、") })),
        { ...data.total, name: "合计", priority: "" },
      ];
      const columns: XlsxColumn<(typeof rows)[number]>[] = [{ header: "区域", width: 14, value: (r) => r.name }, { header: "重点县", value: (r) => r.priority }, ...figureColumns()];
      const name = `${data.year}年${region?.name ?? data.regionCode}分区指标`;
      return sendXlsx(reply, exportFilename(`${data.year}年分区指标`, region?.name ?? data.regionCode), await buildXlsx(name.slice(0, 30), columns, rows));
    },
  );

  const countyQuery = z.object({ year: statsCountyQuerySchema.shape.year });

  app.get(
    "/api/stats/county/:code/enterprises/export",
    { config: { permission: "indicators.read" }, schema: { tags, summary: "导出县(市、区)年度服务企业(Excel)", params: statsCountyParamsSchema, querystring: countyQuery } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { code } = request.params;
      const { year } = request.query;
      const items = await allPages((page) => countyEnterprises(ctx, actor, code, { year, page, pageSize: chunk }));
      const name = `${year}年${ctx.regions.get(code)?.name ?? code}服务企业`;
      return sendXlsx(
        reply,
        exportFilename(`${year}年服务企业`, ctx.regions.get(code)?.name ?? code),
        await buildXlsx(name.slice(0, 30), [
          { header: "企业", width: 36, value: (r) => r.name },
          { header: "规模", value: (r) => sizeLabel(r.size) },
          { header: "服务场次", value: (r) => r.sessions },
          { header: "解决问题(个)", value: (r) => r.problemsSolved },
          { header: "经济效益·预估(元)", width: 20, value: (r) => Number(r.benefitEstimatedYuan) },
          { header: "经济效益·已核实(元)", width: 20, value: (r) => Number(r.benefitVerifiedYuan) },
          { header: "最近走访", value: (r) => r.lastVisit },
        ], items),
      );
    },
  );

  app.get(
    "/api/stats/county/:code/sessions/export",
    { config: { permission: "indicators.read" }, schema: { tags, summary: "导出县(市、区)年度服务场次(Excel)", params: statsCountyParamsSchema, querystring: countyQuery } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const { code } = request.params;
      const { year } = request.query;
      const items = await allPages((page) => countySessions(ctx, actor, code, { year, page, pageSize: chunk }));
      const name = `${year}年${ctx.regions.get(code)?.name ?? code}服务场次`;
      return sendXlsx(
        reply,
        exportFilename(`${year}年服务场次`, ctx.regions.get(code)?.name ?? code),
        await buildXlsx(name.slice(0, 30), [
          { header: "日期", value: (r) => r.date },
          { header: "场次", width: 36, value: (r) => r.title },
          { header: "专项行动", value: (r) => (r.campaignId ? "是" : "") },
          { header: "专家(人次)", value: (r) => r.teamSize },
          { header: "企业(家)", value: (r) => r.enterprises },
          { header: "难题(个)", value: (r) => r.problems },
          { header: "已解决(个)", value: (r) => r.problemsSolved },
          { header: "培训(人次)", value: (r) => r.trainees },
        ], items),
      );
    },
  );
}
