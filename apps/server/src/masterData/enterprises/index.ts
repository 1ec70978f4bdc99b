// Enterprises' public surface (master data shared by every programme).
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { MasterDataModule } from "../../platform/programme";
import { enterpriseImport } from "./enterpriseImport";
import { enterpriseRoutes } from "./routes";

export const enterprisesModule: MasterDataModule = {
  id: "enterprises",
  routes: enterpriseRoutes,
  imports: { enterprises: enterpriseImport as ImportSpec<never> },
};

// For programmes: the table as a read model (joins for names and counties; programmes never write it),
// the row → API shape, and what the platform asks of an enterprise account.
export { enterprises } from "./tables";
export { toEnterprise } from "./queries";
export { enterpriseCounty } from "./enterpriseCounty";
