import type { ProgrammeDemo } from "../../../platform/programme";
import { loadInclusiveDemo } from "./loadInclusiveDemo";

/**
 * 普惠服务's demo. Nothing before the accounts (its records hang on people and unions, which the
 * master data's demo makes after the programmes' `load`); `withAccounts` adds the platform workers who
 * joined online, a year of 9+X ledger rows, the canteens and stations, and meal vouchers.
 */
export const inclusiveDemo: ProgrammeDemo = {
  load: async () => [],
  withAccounts: async (ctx, accounts) => {
    await loadInclusiveDemo(ctx, { workerUserId: accounts.workerUserId });
  },
};
