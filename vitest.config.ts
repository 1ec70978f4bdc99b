import { defineConfig } from "vitest/config";

// Unit and integration tests. End-to-end browser tests have their own config (e2e/vitest.config.ts)
// because they need the built web app and run one at a time.
export default defineConfig({
  test: {
    projects: [
      { test: { name: "domain", include: ["packages/domain/src/**/*.test.ts"] } },
      { test: { name: "web", include: ["apps/web/src/**/*.test.ts"] } },
      { test: { name: "matching", include: ["packages/matching/src/**/*.test.ts"] } },
      // Lints snippets with the project's ESLint config (whose first load takes seconds).
      { test: { name: "boundaries", include: ["scripts/boundaries/*.test.ts"], testTimeout: 60_000 } },
      // Every file, route and page the docs name in backticks exists.
      { test: { name: "docs", include: ["scripts/docs/*.test.ts"] } },
      {
        test: {
          name: "server",
          include: ["apps/server/src/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
