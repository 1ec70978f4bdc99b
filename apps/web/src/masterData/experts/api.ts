import {
  expertPhoneSchema,
  expertSchema,
  pageOf,
  type Expert,
  type ExpertInput,
  type ExpertListQuery,
  type ExpertSelfAvailability,
  type ExpertUpdate,
} from "@jiangxin/domain";
import { request } from "../../app/request";

const expertPageSchema = pageOf(expertSchema);
export type ExpertPage = ReturnType<typeof expertPageSchema.parse>;

/** The whole provincial pool for staff; an expert account gets only its own profile. */
export function listExperts(query: ExpertListQuery, signal?: AbortSignal): Promise<ExpertPage> {
  return request("/api/experts", { query: { ...query }, schema: expertPageSchema, signal });
}

export function getExpert(id: string, signal?: AbortSignal): Promise<Expert> {
  return request(`/api/experts/${encodeURIComponent(id)}`, { schema: expertSchema, signal });
}

/** The unmasked phone. The server logs every call, so it is fetched only on an explicit click. */
export function getExpertPhone(id: string): Promise<string> {
  return request(`/api/experts/${encodeURIComponent(id)}/phone`, { schema: expertPhoneSchema }).then((r) => r.phone);
}

export function createExpert(input: ExpertInput): Promise<Expert> {
  return request("/api/experts", { method: "POST", body: input, schema: expertSchema });
}

export function updateExpert(id: string, input: ExpertUpdate): Promise<Expert> {
  return request(`/api/experts/${encodeURIComponent(id)}`, { method: "PUT", body: input, schema: expertSchema });
}

export function setExpertAvailability(id: string, availability: Expert["availability"]): Promise<Expert> {
  return request(`/api/experts/${encodeURIComponent(id)}/availability`, { method: "PATCH", body: { availability }, schema: expertSchema });
}

/** The signed-in expert pauses or resumes its own service; the server finds "me" from the login. */
export function setOwnAvailability(input: ExpertSelfAvailability): Promise<Expert> {
  return request("/api/experts/me/availability", { method: "PATCH", body: input, schema: expertSchema });
}

