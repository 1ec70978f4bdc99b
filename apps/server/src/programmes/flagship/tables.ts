// The flagship's tables, for drizzle-kit (apps/server/drizzle.config.ts). Nothing outside the flagship imports them.
export * from "./agreements/tables";
export * from "./campaigns/tables";
export * from "./corrections/tables";
export * from "./outcomes/tables";
export * from "./problems/tables";
export * from "./serviceSessions/tables";
export * from "./trainings/tables";
