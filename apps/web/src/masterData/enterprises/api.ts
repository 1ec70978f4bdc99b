import {
  enterpriseContactSchema,
  enterpriseCorrectionListSchema,
  enterpriseSchema,
  pageOf,
  type Enterprise,
  type EnterpriseCorrection,
  type EnterpriseCorrectionEntry,
  type EnterpriseInput,
  type EnterpriseListQuery,
} from "@jiangxin/domain";
import { request } from "../../app/request";

const enterprisePageSchema = pageOf(enterpriseSchema);
export type EnterprisePage = ReturnType<typeof enterprisePageSchema.parse>;

/** Already limited by the server to the user's region; `regionCode` narrows further. */
export function listEnterprises(query: EnterpriseListQuery, signal?: AbortSignal): Promise<EnterprisePage> {
  return request("/api/enterprises", { query: { ...query }, schema: enterprisePageSchema, signal });
}

export function getEnterprise(id: string, signal?: AbortSignal): Promise<Enterprise> {
  return request(`/api/enterprises/${encodeURIComponent(id)}`, { schema: enterpriseSchema, signal });
}

/** The unmasked phone. The server logs every call, so it is fetched only on an explicit click. */
export function getEnterpriseContactPhone(id: string): Promise<string> {
  return request(`/api/enterprises/${encodeURIComponent(id)}/contact-phone`, { schema: enterpriseContactSchema }).then(
    (contact) => contact.contactPhone,
  );
}

export function createEnterprise(input: EnterpriseInput): Promise<Enterprise> {
  return request("/api/enterprises", { method: "POST", body: input, schema: enterpriseSchema });
}

/** 更正企业信息: only the changed fields and the reason; the server keeps before → after. */
export function correctEnterprise(id: string, input: EnterpriseCorrection): Promise<Enterprise> {
  return request(`/api/enterprises/${encodeURIComponent(id)}/correct`, { method: "POST", body: input, schema: enterpriseSchema });
}

export function listEnterpriseCorrections(id: string, signal?: AbortSignal): Promise<EnterpriseCorrectionEntry[]> {
  return request(`/api/enterprises/${encodeURIComponent(id)}/corrections`, { schema: enterpriseCorrectionListSchema, signal });
}
