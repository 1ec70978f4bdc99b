import { pageOf, trainingSchema, type Training, type TrainingInput, type TrainingListQuery } from "@jiangxin/domain";
import { request } from "../../../app/request";

const trainingPageSchema = pageOf(trainingSchema);
export type TrainingPage = ReturnType<typeof trainingPageSchema.parse>;

export function listTrainings(query: TrainingListQuery, signal?: AbortSignal): Promise<TrainingPage> {
  return request("/api/trainings", { query: { ...query }, schema: trainingPageSchema, signal });
}

export function createTraining(input: TrainingInput): Promise<Training> {
  return request("/api/trainings", { method: "POST", body: input, schema: trainingSchema });
}
