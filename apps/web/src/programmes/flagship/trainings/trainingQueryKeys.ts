import type { TrainingListQuery } from "@jiangxin/domain";

export const trainingQueryKeys = {
  all: ["trainings"] as const,
  list: (query: TrainingListQuery) => ["trainings", "list", query] as const,
};
