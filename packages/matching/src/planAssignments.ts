import { buildAssignmentModel } from "./buildAssignmentModel";
import type { AssignmentInput, AssignmentPlan } from "./model";
import { networkSimplex } from "./networkSimplex";

/** Builds the campaign's flow model, solves it exactly and explains the result. */
export function planAssignments(input: AssignmentInput): AssignmentPlan {
  const model = buildAssignmentModel(input);
  const result = networkSimplex(model.network);
  // The model routes every unit through shortfall and idle, so it always has an optimum.
  if (result.status !== "optimal") throw new Error(`assignment model unexpectedly ${result.status}`);
  return model.decode(result.flow, result.cost);
}
