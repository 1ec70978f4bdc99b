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
