import {
  expertSuggestionListSchema,
  type ExpertSuggestion,
  demandListDetailSchema,
  demandListSchema,
  overduePageSchema,
  pageOf,
  problemDetailSchema,
  problemSchema,
  type DemandListDetail,
  type DemandListInput,
  type DemandListQuery,
  type OverdueQuery,
  type ProblemDetail,
  type ProblemListQuery,
  type ProblemMove,
  type ProblemRatingInput,
  type ProblemUpdate,
} from "@jiangxin/domain";
import { request } from "../../../app/request";

const problemPageSchema = pageOf(problemSchema);
export type ProblemPage = ReturnType<typeof problemPageSchema.parse>;
const demandListPageSchema = pageOf(demandListSchema);
export type DemandListPage = ReturnType<typeof demandListPageSchema.parse>;
export type OverduePage = ReturnType<typeof overduePageSchema.parse>;

const problemPath = (id: string) => `/api/problems/${encodeURIComponent(id)}`;

/** Already limited by the server to what the user may see; the filters narrow further. */
export function listProblems(query: ProblemListQuery, signal?: AbortSignal): Promise<ProblemPage> {
  return request("/api/problems", { query: { ...query }, schema: problemPageSchema, signal });
}

/** The problem, its timeline, and the moves the server allows this user now. */
export function getProblem(id: string, signal?: AbortSignal): Promise<ProblemDetail> {
  return request(problemPath(id), { schema: problemDetailSchema, signal });
}

export function moveProblem(id: string, move: ProblemMove): Promise<ProblemDetail> {
  return request(`${problemPath(id)}/moves`, { method: "POST", body: move, schema: problemDetailSchema });
}

/** 需要专家人数 (staff who assign experts; not below the team the problem has). */
export function updateProblem(id: string, update: ProblemUpdate): Promise<ProblemDetail> {
  return request(problemPath(id), { method: "PATCH", body: update, schema: problemDetailSchema });
}

export function addTeamMember(id: string, expertId: string): Promise<ProblemDetail> {
  return request(`${problemPath(id)}/team`, { method: "POST", body: { expertId }, schema: problemDetailSchema });
}

export function removeTeamMember(id: string, expertId: string): Promise<ProblemDetail> {
  return request(`${problemPath(id)}/team/${encodeURIComponent(expertId)}`, { method: "DELETE", schema: problemDetailSchema });
}

export function addProblemNote(id: string, note: string): Promise<ProblemDetail> {
  return request(`${problemPath(id)}/notes`, { method: "POST", body: { note }, schema: problemDetailSchema });
}

export function rateProblem(id: string, rating: ProblemRatingInput): Promise<ProblemDetail> {
  return request(`${problemPath(id)}/rating`, { method: "POST", body: rating, schema: problemDetailSchema });
}

/** 催办: the owner expert gets a to-do and an SMS (staff only). */
export function urgeProblem(id: string): Promise<{ expertName: string; urgedAt: string }> {
  return request(`${problemPath(id)}/urge`, { method: "POST", schema: { parse: (d: unknown) => d as { expertName: string; urgedAt: string } } });
}

export function listOverdueProblems(query: OverdueQuery, signal?: AbortSignal): Promise<OverduePage> {
  return request("/api/problems/overdue", { query: { ...query }, schema: overduePageSchema, signal });
}

export function listDemandLists(query: DemandListQuery, signal?: AbortSignal): Promise<DemandListPage> {
  return request("/api/demand-lists", { query: { ...query }, schema: demandListPageSchema, signal });
}

export function getDemandList(id: string, signal?: AbortSignal): Promise<DemandListDetail> {
  return request(`/api/demand-lists/${encodeURIComponent(id)}`, { schema: demandListDetailSchema, signal });
}

export function submitDemandList(input: DemandListInput): Promise<DemandListDetail> {
  return request("/api/demand-lists", { method: "POST", body: input, schema: demandListDetailSchema });
}

export function listSuggestions(problemId: string, signal?: AbortSignal, query: { q?: string; sort?: "score" | "distance" } = {}): Promise<ExpertSuggestion[]> {
  return request(`/api/problems/${encodeURIComponent(problemId)}/suggestions`, { schema: expertSuggestionListSchema, signal, query }).then((r) => r.items);
}
