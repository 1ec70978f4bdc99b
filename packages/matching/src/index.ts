export type { FlowNetwork } from "./FlowNetwork";
export { FlowNetworkBuilder } from "./FlowNetworkBuilder";
export type { MinCostFlowResult } from "./MinCostFlowResult";
export { networkSimplex, type NetworkSimplexOptions } from "./networkSimplex";
export { DimacsError, parseDimacs, formatDimacs, type DimacsProblem } from "./dimacs";
export * from "./model";
export { buildAssignmentModel, strictTierPenalties, type AssignmentModel } from "./buildAssignmentModel";
export { planAssignments } from "./planAssignments";
