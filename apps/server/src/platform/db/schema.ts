// Every table, for Drizzle's typed queries and for drizzle-kit to generate migrations from.
export * from "../../programmes/flagship/agreements/tables";
export * from "../audit/tables";
export * from "../../programmes/flagship/campaigns/tables";
export * from "../../masterData/enterprises/tables";
export * from "../../masterData/experts/tables";
export * from "../../programmes/flagship/outcomes/tables";
export * from "../../programmes/flagship/problems/tables";
export * from "../regions/tables";
export * from "../../programmes/flagship/serviceSessions/tables";
export * from "../../programmes/flagship/trainings/tables";
export * from "../auth/tables";
