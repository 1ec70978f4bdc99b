// 学历与技能提升 (双提升)'s public surface: what app.ts registers, what the dashboard counts, what 我的 and 公众服务 show.
// Nothing outside this folder imports any other of its files.
import { upskillingProgramme } from "@jiangxin/domain";
import type { Programme } from "../../platform/programme";
import { upskillingMyItems } from "./applyService";
import { upskillingAttachmentOwners } from "./attachmentOwners";
import { upskillingRoutes } from "./routes";
import { countUpskillingIndicators } from "./statsService";
import { upskillingDemo } from "./upskillingDemo";

export const upskilling: Programme = {
  descriptor: upskillingProgramme,
  routes: upskillingRoutes,
  countIndicators: countUpskillingIndicators,
  myItems: upskillingMyItems,
  attachmentOwners: upskillingAttachmentOwners,
  publicEntries: async () => [
    {
      key: "upskilling.scheme",
      title: "学历与技能提升补助",
      summary: "在会职工取得学历或职业技能等级证书后，可用手机申请一次性补助1,000元；查看申请条件、各市名额和超额时的排序规则",
      link: "/upskilling/apply",
    },
  ],
  demo: upskillingDemo,
};
