// Union organisations' public surface (工会组织, master data shared by every programme).
//
// For other modules: lookups over the tree, the proposal people/membership uses, and the tables
// themselves: people's memberships (and users.union_id) need a foreign key to `unions`, and a
// programme counting by union joins `unions`/`unionEnterprises` read-only. Nothing outside this
// folder writes them.
import type { ImportSpec } from "../../platform/imports/importSpec";
import type { MasterDataModule } from "../../platform/programme";
import { unionImport } from "./unionImport";
import { unionRoutes } from "./routes";

export const unionsModule: MasterDataModule = {
  id: "unions",
  routes: unionRoutes,
  imports: { unions: unionImport as ImportSpec<never> },
};

export { unionEnterprises, unions } from "./tables";
export { federationOf, findUnion, proposeUnionFor, unionAncestors, unionIdsUnder, unionsCoveringEnterprise, unionSubtree, type UnionProposal, type UnionRow } from "./tree";
export { federationName, syncFederations } from "./syncFederations";
export { unionScope } from "./unionScope";
