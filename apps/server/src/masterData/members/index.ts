// Members' public surface (会员 and the 9+X ledger, master data shared by every programme).
//
// For programmes: whether a person is a member (isMember, membershipOf), the ledger every benefit
// goes into (recordBenefit, idempotent on a source key; benefitRefusal to show the reason first),
// and the counts a programme's figures are made of (memberCounts.ts).
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { MasterDataModule } from "../../platform/programme";
import { rosterImport } from "./rosterImport";
import { memberRoutes } from "./routes";

export const membersModule: MasterDataModule = {
  id: "members",
  routes: memberRoutes,
  imports: { memberRoster: rosterImport as ImportSpec<never> },
  publicEntries: async () => [
    {
      key: "members.cardCheck",
      publisher: "职工服务",
      title: "电子会员证核验",
      summary: "扫描会员出示的电子会员证二维码，核验会员身份与会籍状态(仅显示脱敏信息)",
      link: "/public/member-card",
    },
  ],
};

export { isMember, membershipOf, type MembershipSummary } from "./membership";
export { listItems as listBenefitItems } from "./service";
export { benefitRefusal, recordBenefit, type BenefitRefusal, type RecordBenefitInput, type RecordBenefitResult } from "./ledger";
export { countMembersBy, countNewMembers, countParticipation, type MemberDimension } from "./memberCounts";
