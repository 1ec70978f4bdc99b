import type { Role } from "../../roles";

/** What 普惠服务's routes may require; the grants below are its part of the permission table. */
export const inclusivePermissions = [
  "inclusive.read", // the 9+X figures (members by county, occupation, platform, union kind; participation), within one's region (staff)
  "inclusive.issue", // issue meal vouchers to members (a union to its own, staff in their area) and see the meals counted per day
  "inclusive.redeem", // scan a voucher at a partner canteen or station (the union account running it)
] as const;
export type InclusivePermission = (typeof inclusivePermissions)[number];

export const inclusiveGrants: Partial<Record<Role, readonly InclusivePermission[]>> = {
  province: ["inclusive.read", "inclusive.issue"],
  city: ["inclusive.read", "inclusive.issue"],
  county: ["inclusive.read", "inclusive.issue"],
  union: ["inclusive.issue", "inclusive.redeem"],
};
