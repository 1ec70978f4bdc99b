// Every table, for Drizzle's typed queries and for drizzle-kit to generate migrations from.
export * from "../../modules/audit/tables";
export * from "../../modules/enterprises/tables";
export * from "../../modules/regions/tables";
export * from "../auth/tables";
