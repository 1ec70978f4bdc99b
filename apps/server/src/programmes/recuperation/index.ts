// 职工疗休养's public surface on the server: what app.ts registers, the dashboard counts and the demo
// loads. Nothing outside this folder imports any other file of it (the auditors' command and the
// benchmark run allocation/ and rounds/ directly, as scripts).
import { recuperationOfferStatusLabels, recuperationProgramme, recuperationRoundStatusLabels } from "@jiangxin/domain";
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { Programme } from "../../platform/programme";
import { recuperationApplicationImport } from "./applications/applicationImport";
import { myApplications } from "./applications/applicationService";
import { recuperationQuotaImport } from "./catalogue/quotaImport";
import { recuperationDemo } from "./demo/recuperationDemo";
import { countRecuperationIndicators } from "./indicators/countRecuperationIndicators";
import { recuperationRoutes } from "./routes";

export const recuperation: Programme = {
  descriptor: recuperationProgramme,
  routes: recuperationRoutes,
  countIndicators: countRecuperationIndicators,
  imports: { recuperationApplications: recuperationApplicationImport as ImportSpec<never>, recuperationQuotas: recuperationQuotaImport as ImportSpec<never> },
  demo: recuperationDemo,
  async myItems(ctx, actor) {
    return (await myApplications(ctx, actor)).map((a) => {
      const offer = a.offers.at(-1);
      const status = offer
        ? `${recuperationOfferStatusLabels[offer.status]}：${offer.sessionCode}`
        : a.roundStatus === "published"
          ? a.waitlistPlace !== null
            ? `候补第${a.waitlistPlace}位`
            : (a.outcomeText ?? "已公布")
          : recuperationRoundStatusLabels[a.roundStatus];
      return { title: `疗休养申请：${a.roundName}`, status, link: "/recuperation/me", date: a.choices[0]?.startsOn ?? null };
    });
  },
  async publicEntries() {
    return [
      {
        key: "recuperation.lottery",
        title: "职工疗休养摇号验证",
        summary: "每轮摇号前公开种子的SHA-256，摇号后公开种子：任何人都可以用种子和申请编号重新计算摇号号码",
        link: "/public/recuperation",
      },
    ];
  },
};
