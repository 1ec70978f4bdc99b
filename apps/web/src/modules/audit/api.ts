import { auditEntrySchema, pageOf, type auditQuerySchema } from "@jiangxin/domain";
import { request } from "../../app/request";

const auditPageSchema = pageOf(auditEntrySchema);
export type AuditPage = ReturnType<typeof auditPageSchema.parse>;
export type AuditQuery = ReturnType<typeof auditQuerySchema.parse>;

/** Scoped by the server: a city reads its own and its counties' trail, the province reads all. */
export function listAudit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
  return request("/api/audit", { query: { ...query }, schema: auditPageSchema, signal });
}
