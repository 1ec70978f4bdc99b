// 职业技能竞赛's public surface: what app.ts registers, the dashboard counts and 公众服务 lists.
// Nothing outside this folder imports any other file of it.
import { competitionsProgramme } from "@jiangxin/domain";
import type { Programme } from "../../platform/programme";
import { competitionsDemo } from "./demo/competitionsDemo";
import { eventRoutes } from "./events/routes";
import { goldBlueCollarRoutes } from "./goldBlueCollar/routes";
import { countCompetitionIndicators } from "./indicators/countCompetitionIndicators";
import { markRoutes } from "./marks/routes";
import { competitionMyItems } from "./myItems";
import { panelRoutes } from "./panels/routes";
import { publicResultRoutes } from "./results/publicResults";
import { resultRoutes } from "./results/routes";
import { registrationRoutes } from "./registrations/routes";
import { statsRoutes } from "./stats/competitionStats";

export const competitions: Programme = {
  descriptor: competitionsProgramme,
  routes(app, ctx) {
    eventRoutes(app, ctx);
    registrationRoutes(app, ctx);
    panelRoutes(app, ctx);
    markRoutes(app, ctx);
    resultRoutes(app, ctx);
    publicResultRoutes(app, ctx);
    goldBlueCollarRoutes(app, ctx);
    statsRoutes(app, ctx);
  },
  countIndicators: countCompetitionIndicators,
  demo: competitionsDemo,
  myItems: competitionMyItems,
  publicEntries: async () => [
    { key: "competitions.results", title: "职业技能竞赛获奖名单", summary: "各赛项成绩确定后公布获奖选手、名次和奖项", link: "/public/competition-results" },
    { key: "competitions.certificateCheck", title: "浙江金蓝领证书查验", summary: "扫描证书上的二维码，或输入证书编号和查验码核对真伪", link: "/public/certificates" },
  ],
};
