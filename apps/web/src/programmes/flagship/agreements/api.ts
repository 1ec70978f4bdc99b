import {
  agreementSchema,
  pageOf,
  type Agreement,
  type AgreementInput,
  type AgreementListQuery,
  type AgreementStatusInput,
  type CheckInInput,
} from "@jiangxin/domain";
import { request } from "../../../app/request";

const agreementPageSchema = pageOf(agreementSchema);
export type AgreementPage = ReturnType<typeof agreementPageSchema.parse>;
const path = (id: string) => `/api/agreements/${encodeURIComponent(id)}`;

export function listAgreements(query: AgreementListQuery, signal?: AbortSignal): Promise<AgreementPage> {
  return request("/api/agreements", { query: { ...query }, schema: agreementPageSchema, signal });
}

export function getAgreement(id: string, signal?: AbortSignal): Promise<Agreement> {
  return request(path(id), { schema: agreementSchema, signal });
}

export function createAgreement(input: AgreementInput): Promise<Agreement> {
  return request("/api/agreements", { method: "POST", body: input, schema: agreementSchema });
}

export function addCheckIn(id: string, input: CheckInInput): Promise<Agreement> {
  return request(`${path(id)}/check-ins`, { method: "POST", body: input, schema: agreementSchema });
}

export function markMilestoneDone(id: string, milestoneId: string): Promise<Agreement> {
  return request(`${path(id)}/milestones/${encodeURIComponent(milestoneId)}/done`, { method: "POST", schema: agreementSchema });
}

export function closeAgreement(id: string, input: AgreementStatusInput): Promise<Agreement> {
  return request(`${path(id)}/status`, { method: "POST", body: input, schema: agreementSchema });
}
