import {
  linkProblemsResultSchema,
  pageOf,
  problemSchema,
  serviceSessionSchema,
  threeListsSchema,
  type LinkProblemsInput,
  type OnSiteProblemInput,
  type Problem,
  type ServiceSession,
  type ServiceSessionInput,
  type ThreeLists,
  type ServiceSessionListQuery,
} from "@jiangxin/domain";
import { request } from "../../../app/request";

const sessionPageSchema = pageOf(serviceSessionSchema);
export type ServiceSessionPage = ReturnType<typeof sessionPageSchema.parse>;

const sessionPath = (id: string) => `/api/service-sessions/${encodeURIComponent(id)}`;

/** Already limited by the server to the sessions the user may see. */
export function listServiceSessions(query: ServiceSessionListQuery, signal?: AbortSignal): Promise<ServiceSessionPage> {
  return request("/api/service-sessions", { query: { ...query }, schema: sessionPageSchema, signal });
}

export function getServiceSession(id: string, signal?: AbortSignal): Promise<ServiceSession> {
  return request(sessionPath(id), { schema: serviceSessionSchema, signal });
}

/** 难题—专家—进度 in one call. */
export function getThreeLists(id: string, signal?: AbortSignal): Promise<ThreeLists> {
  return request(`${sessionPath(id)}/three-lists`, { schema: threeListsSchema, signal });
}

export function createServiceSession(input: ServiceSessionInput): Promise<ServiceSession> {
  return request("/api/service-sessions", { method: "POST", body: input, schema: serviceSessionSchema });
}

export function addOnSiteProblem(sessionId: string, input: OnSiteProblemInput): Promise<Problem> {
  return request(`${sessionPath(sessionId)}/problems`, { method: "POST", body: input, schema: problemSchema });
}

export function linkProblems(sessionId: string, input: LinkProblemsInput): Promise<number> {
  return request(`${sessionPath(sessionId)}/link-problems`, { method: "POST", body: input, schema: linkProblemsResultSchema }).then((r) => r.linked);
}
