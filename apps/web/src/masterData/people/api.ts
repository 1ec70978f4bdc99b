import {
  membershipSchema,
  pageOf,
  personDetailSchema,
  personResidentIdSchema,
  personSchema,
  type JoinUnionRequest,
  type Membership,
  type MembershipDecision,
  type Person,
  type PersonDetail,
  type PersonInput,
  type PersonListQuery,
  type PersonUpdate,
} from "@jiangxin/domain";
import { request } from "../../app/request";

const personPageSchema = pageOf(personSchema);
export type PersonPage = ReturnType<typeof personPageSchema.parse>;

export const peopleQueryKeys = {
  all: ["people"] as const,
  list: (query: PersonListQuery) => ["people", "list", query] as const,
  detail: (id: string) => ["people", "detail", id] as const,
};

/** Already limited by the server: staff to their counties, a union to its members. */
export function listPeople(query: PersonListQuery, signal?: AbortSignal): Promise<PersonPage> {
  return request("/api/people", { query: { ...query }, schema: personPageSchema, signal });
}

export function getPerson(id: string, signal?: AbortSignal): Promise<PersonDetail> {
  return request(`/api/people/${encodeURIComponent(id)}`, { schema: personDetailSchema, signal });
}

/** The full ID number; the server logs every call, so it is fetched only on an explicit click. */
export function getPersonResidentId(id: string): Promise<string> {
  return request(`/api/people/${encodeURIComponent(id)}/resident-id`, { schema: personResidentIdSchema }).then((r) => r.residentId);
}

export function createPerson(input: PersonInput): Promise<Person> {
  return request("/api/people", { method: "POST", body: input, schema: personSchema });
}

export function enterMembership(personId: string, body: JoinUnionRequest): Promise<Membership> {
  return request(`/api/people/${encodeURIComponent(personId)}/memberships`, { method: "POST", body, schema: membershipSchema });
}

export function decideMembership(id: string, body: MembershipDecision): Promise<Membership> {
  return request(`/api/memberships/${encodeURIComponent(id)}`, { method: "PATCH", body, schema: membershipSchema });
}

export function updatePerson(id: string, input: PersonUpdate): Promise<PersonDetail> {
  return request(`/api/people/${encodeURIComponent(id)}`, { method: "PUT", body: input, schema: personDetailSchema });
}
