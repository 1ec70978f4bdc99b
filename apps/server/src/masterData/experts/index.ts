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

// For programmes: the table as a read model (joins for names, capacity and availability; programmes
// never write it), the row → API shape, and which profile an expert account has.
export { experts } from "./tables";
export { toExpert, type ExpertRow, type ExpertRowWithLoad } from "./queries";
export { expertIdOfUser } from "./expertIdOfUser";
