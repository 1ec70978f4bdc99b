import { z } from "zod";

/**
 * Who a user is to the federation. Staff roles are bound to a region; others to what they own.
 * `union` is grassroots-union staff, bound to its union (users.union_id) and the unions below it.
 * `integration` is a machine account for an outside sender (SMS, 浙政钉, WeChat) draining the outbox.
 */
export const roles = ["province", "city", "county", "enterprise", "expert", "worker", "integration", "union"] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

export const roleLabels: Record<Role, string> = {
  province: "省总工会",
  city: "市总工会",
  county: "县(市、区)总工会",
  enterprise: "企业",
  expert: "劳模工匠",
  worker: "职工",
  integration: "外部消息接口",
  union: "基层工会",
};

/** Staff roles see records by region; the region bound to the account is their scope. */
export const staffRoles = ["province", "city", "county"] as const satisfies readonly Role[];
export function isStaffRole(role: Role): role is (typeof staffRoles)[number] {
  return (staffRoles as readonly Role[]).includes(role);
}
