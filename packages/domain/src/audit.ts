import { z } from "zod";
import { pageQuerySchema } from "./paging";
import { roleSchema } from "./roles";

export const auditResults = ["success", "failure"] as const;

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  username: z.string().nullable(),
  role: roleSchema.nullable(),
  regionCode: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  result: z.enum(auditResults),
  detail: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditQuerySchema = pageQuerySchema.extend({
  action: z.string().max(64).optional(),
  username: z.string().max(64).optional(),
});
