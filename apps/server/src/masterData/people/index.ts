// People's public surface (职工, master data shared by every programme).
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { MasterDataModule } from "../../platform/programme";
import { personImport } from "./personImport";
import { peopleRoutes } from "./routes";

export const peopleModule: MasterDataModule = {
  id: "people",
  routes: peopleRoutes,
  imports: { people: personImport as ImportSpec<never> },
  publicEntries: async () => [
    {
      key: "people.register",
      publisher: "职工服务",
      title: "职工注册与入会",
      summary: "用手机号注册，实名认证后查看本人会籍，申请加入所在企业或地区的基层工会",
      link: "/register",
    },
  ],
};

// For programmes: the person behind a worker account (their applications name it), and the demo.
export { personIdOf } from "./me";
export { personFacts, type PersonFacts } from "./personFacts";
export { loadPeopleDemo } from "./peopleDemo";
// For programmes: participants' names, sex and age for their rules, and a skill-level upgrade they grant.
export { personBriefs, personVisibleTo, recordSkillUpgrade, type PersonBrief } from "./personBriefs";

// For masterData/members (会员, the 9+X ledger): the tables it joins read-only (people and their union
// periods); only this module writes them, members' transfer included (moveMembership).
export { people, unionMemberships } from "./tables";
export { moveMembership } from "./moveMembership";
