import type { Role } from "../../roles";

/** What the 双提升 routes may require; the grants below are this programme's part of the permission table. */
export const upskillingPermissions = [
  "upskilling.apply", // a worker applies and follows its own applications, fixes its bank card
  "upskilling.read", // review lists, batches and figures within one's region or union
  "upskilling.review", // approve or reject at one's own step of the chain
  "upskilling.pay", // payment batches: make, export the bank file, import the results
] as const;
export type UpskillingPermission = (typeof upskillingPermissions)[number];

export const upskillingGrants: Partial<Record<Role, readonly UpskillingPermission[]>> = {
  province: ["upskilling.read", "upskilling.pay"],
  city: ["upskilling.read", "upskilling.review", "upskilling.pay"],
  county: ["upskilling.read", "upskilling.review"],
  union: ["upskilling.read", "upskilling.review"],
  worker: ["upskilling.apply"],
};
