// Members' public surface (会员 and the 9+X ledger, master data shared by every programme).
//
// For programmes: whether a person is a member (isMember, membershipOf), the ledger every benefit
// goes into (recordBenefit, idempotent on a source key; benefitRefusal to show the reason first).
import type { MasterDataModule } from "../../platform/programme";

export const membersModule: MasterDataModule = {
  id: "members",
  routes: () => {},
};

export { isMember, membershipOf, type MembershipSummary } from "./membership";
export { benefitRefusal, recordBenefit, type BenefitRefusal, type RecordBenefitInput, type RecordBenefitResult } from "./ledger";
