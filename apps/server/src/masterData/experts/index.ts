// The expert pool's public surface (master data shared by every programme).
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { MasterDataModule } from "../../platform/programme";
import { expertImport } from "./expertImport";
import { expertRoutes } from "./routes";

export const expertsModule: MasterDataModule = {
  id: "experts",
  routes: expertRoutes,
  imports: { experts: expertImport as ImportSpec<never> },
};
