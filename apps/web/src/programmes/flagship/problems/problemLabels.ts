import type { ProblemStatus } from "@jiangxin/domain";

/** Tag colours by stage: waiting (blue), in the field (cyan/gold), done (green), stopped (grey/red). */
export const problemStatusColors: Record<ProblemStatus, string> = {
  submitted: "blue",
  accepted: "geekblue",
  matched: "purple",
  onSite: "cyan",
  solutionProposed: "gold",
  inDesign: "orange",
  implementing: "lime",
  solved: "green",
  unresolved: "volcano",
  followUp: "magenta",
  closed: "default",
  rejected: "red",
  withdrawn: "default",
};

export const urgencyColors = { low: "default", normal: "blue", high: "orange", critical: "red" } as const;
