// 劳模工匠助企行's public surface: what app.ts registers and what the dashboard counts. Nothing outside
// the flagship imports any other file of this folder.
import { flagshipProgramme } from "@jiangxin/domain";
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { Programme } from "../../platform/programme";
import { agreementRoutes } from "./agreements/routes";
import { flagshipAttachmentOwners } from "./attachments/flagshipAttachmentOwners";
import { campaignRoutes } from "./campaigns/routes";
import { flagshipDemo } from "./demo/flagshipDemo";
import { countFlagshipIndicators } from "./indicators/countFlagshipIndicators";
import { indicatorRoutes } from "./indicators/routes";
import { myTaskRoutes } from "./myTasks/routes";
import { searchRoutes } from "./search/routes";
import { outcomeRoutes } from "./outcomes/routes";
import { planningRoutes } from "./planning/routes";
import { demandListImport } from "./problems/demandListImport";
import { flagshipExpertEnterprisesSql } from "./problems/expertEnterprises";
import { openProblemsServedSql } from "./problems/expertLoad";
import { problemRoutes } from "./problems/routes";
import { serviceSessionRoutes } from "./serviceSessions/routes";
import { statsExportRoutes } from "./stats/statsExports";
import { statsRoutes } from "./stats/routes";
import { suggestionRoutes } from "./suggestions/routes";
import { trainingRoutes } from "./trainings/routes";

export const flagship: Programme = {
  descriptor: flagshipProgramme,
  routes(app, ctx) {
    serviceSessionRoutes(app, ctx);
    agreementRoutes(app, ctx);
    trainingRoutes(app, ctx);
    problemRoutes(app, ctx);
    planningRoutes(app, ctx);
    campaignRoutes(app, ctx);
    indicatorRoutes(app, ctx);
    statsRoutes(app, ctx);
    statsExportRoutes(app, ctx);
    outcomeRoutes(app, ctx);
    suggestionRoutes(app, ctx);
    myTaskRoutes(app, ctx);
    searchRoutes(app, ctx);
  },
  expertWorkloadSql: openProblemsServedSql,
  expertEnterprisesSql: flagshipExpertEnterprisesSql,
  countIndicators: countFlagshipIndicators,
  imports: { demandLists: demandListImport as ImportSpec<never> },
  demo: flagshipDemo,
  attachmentOwners: flagshipAttachmentOwners,
};
