import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "postgresql",
  // Every module's tables, wherever it lives: adding a programme or a master-data module needs no edit here.
  schema: ["./apps/server/src/platform/**/tables.ts", "./apps/server/src/masterData/*/tables.ts", "./apps/server/src/programmes/*/tables.ts"],
  out: "./apps/server/drizzle",
});
