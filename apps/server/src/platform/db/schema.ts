// Every table, for Drizzle's typed queries and for drizzle-kit to generate migrations from.
export * from "../../modules/agreements/tables";
export * from "../../modules/audit/tables";
export * from "../../modules/campaigns/tables";
export * from "../../modules/enterprises/tables";
export * from "../../modules/experts/tables";
export * from "../../modules/outcomes/tables";
export * from "../../modules/problems/tables";
export * from "../../modules/regions/tables";
export * from "../../modules/serviceSessions/tables";
export * from "../../modules/trainings/tables";
export * from "../auth/tables";
