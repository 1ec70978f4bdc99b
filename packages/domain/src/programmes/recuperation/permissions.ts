import type { Role } from "../../roles";

/** What the recuperation programme's routes may require; the grants below are its part of the permission table. */
export const recuperationPermissions = [
  "recuperation.read", // bases, routes, sessions, rounds, quotas and applications within one's scope
  "recuperation.apply", // a worker applies for up to three sessions, answers offers (accept/decline)
  "recuperation.enter", // a union enters (or imports) applications for its members
  "recuperation.stay", // record a stay or a no-show after a session
  "recuperation.quota", // split the places one's own union received among the unions below it (province → cities → counties → grassroots)
  "recuperation.manage", // the province: bases, routes, sessions, groups, the year's plan of places; commit the seed, run and publish rounds
] as const;
export type RecuperationPermission = (typeof recuperationPermissions)[number];

export const recuperationGrants: Partial<Record<Role, readonly RecuperationPermission[]>> = {
  province: ["recuperation.read", "recuperation.enter", "recuperation.stay", "recuperation.quota", "recuperation.manage"],
  city: ["recuperation.read", "recuperation.stay", "recuperation.quota"],
  county: ["recuperation.read", "recuperation.stay", "recuperation.quota"],
  union: ["recuperation.read", "recuperation.enter", "recuperation.stay", "recuperation.quota"],
  worker: ["recuperation.apply"],
};
