import { defineConfig } from "vitest/config";

// Browser journeys: each file starts its own server process on an empty data folder, so they run
// one file at a time to keep the 2-core machine responsive.
export default defineConfig({
  test: {
    name: "e2e",
    include: ["e2e/**/*.test.ts"],
    // A failed journey prints its open pages' screenshots and its browser's last API calls and errors.
    setupFiles: ["e2e/support/onFailure.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
