import type { Role } from "../../roles";

/** What the 户外劳动者服务站 routes may require; the public finder, check-in and reports need none ("public"). */
export const stationsPermissions = [
  "station.read", // staff lists, details, statistics (scoped to the reader's counties)
  "station.write", // add and edit stations, verify amenities and hours, claim an upgrade
  "station.readPersonal", // a station manager's full phone; every read is logged
  "stationReport.answer", // answer a worker's report about a station (the responsible county union)
] as const;
export type StationsPermission = (typeof stationsPermissions)[number];

const staff: StationsPermission[] = ["station.read", "station.write", "station.readPersonal", "stationReport.answer"];

export const stationsGrants: Partial<Record<Role, readonly StationsPermission[]>> = {
  province: staff,
  city: staff,
  county: staff,
};
