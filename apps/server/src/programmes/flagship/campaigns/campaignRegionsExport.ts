import { campaignRegionStatusLabels, priorityKindLabels, wholeShare, type CampaignRegionRow } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportFilename, exportScope } from "../../../platform/exportFilename";
import { buildXlsx, sendXlsx, type XlsxColumn } from "../../../platform/xlsx";
import { campaignRegions } from "./campaignRegions";
import { campaigns } from "./tables";

/** The targets as the campaign page heads them. */
const targetColumns = [
  { key: "sessions", label: "服务场次", unit: "场次" },
  { key: "trainees", label: "培训技术工人", unit: "人次" },
  { key: "enterprises", label: "服务企业", unit: "家" },
  { key: "problemsSolved", label: "解决问题", unit: "个" },
] as const;

/** Shares whole and rounded up, as the page shows them; ratios as whole percent rounded down, as the bars do. */
const shareCell = (n: number | undefined) => (n === undefined ? null : wholeShare(n));
export const ratioPercent = (ratio: number | null) => (ratio === null ? null : Math.floor(ratio * 100 + 1e-9));

/** The campaign page's table of counties as an Excel file, from the same service call as the page. */
export function campaignRegionsExportRoute(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/campaigns/:id/regions/export",
    { config: { permission: "campaign.read" }, schema: { tags: ["专项行动 campaigns"], summary: "导出专项行动各地进度(Excel)", params: z.object({ id: z.uuid({ error: "编号格式不正确" }) }) } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const data = await campaignRegions(ctx, actor, request.params.id);
      const [campaign] = await ctx.database.db.select({ name: campaigns.name, targets: campaigns.targets }).from(campaigns).where(eq(campaigns.id, data.campaignId));
      const set = targetColumns.filter((t) => campaign?.targets[t.key] !== undefined);
      const columns: XlsxColumn<CampaignRegionRow>[] = [
        { header: "县(市、区)", width: 14, value: (r) => r.name },
        { header: "所属设区市", width: 12, value: (r) => r.cityName ?? "" },
        { header: "重点县", value: (r) => r.priority.map((k) => priorityKindLabels[k]).join("、") },
        ...targetColumns.flatMap((t): XlsxColumn<CampaignRegionRow>[] => [
          { header: `${t.label}(${t.unit})`, value: (r) => r.progress[t.key] },
          ...(set.includes(t) ? [{ header: `${t.label}份额(${t.unit})`, value: (r: CampaignRegionRow) => shareCell(r.share[t.key]) }] : []),
        ]),
        { header: "完成率(%)", value: (r) => ratioPercent(r.ratio) },
        { header: "状态", value: (r) => (r.status ? campaignRegionStatusLabels[r.status] : "") },
      ];
      const name = exportFilename(`${campaign?.name ?? "专项行动"}各地进度`, exportScope(actor), ctx.now());
      return sendXlsx(reply, name, await buildXlsx("各地进度", columns, data.rows));
    },
  );
}
