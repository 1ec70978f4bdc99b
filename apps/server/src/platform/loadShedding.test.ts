import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../testing/testApp";

/** Keeps the event loop busy, as a flood of requests or a long query on the embedded database would. */
function block(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // spin
  }
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("load shedding", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite", { JIANGXIN_LOAD_SHEDDING: "1" });
  });
  afterAll(async () => t.close());

  it("turns API requests away at once with 503 and Retry-After while the loop is backlogged, serves the health check, and recovers", async () => {
    await pause(400);
    expect((await t.app.inject({ method: "GET", url: "/api/regions/tree" })).statusCode).not.toBe(503);
    // Two ticks late by far more than the limit: a backlog, not one long task.
    block(800);
    await pause(20);
    block(800);
    await pause(20);
    const shed = await t.app.inject({ method: "GET", url: "/api/regions/tree" });
    expect(shed.statusCode).toBe(503);
    expect(shed.headers["retry-after"]).toBeDefined();
    expect(shed.json()).toMatchObject({ code: "SERVICE_UNAVAILABLE" });
    expect((await t.app.inject({ method: "GET", url: "/api/health" })).statusCode).toBe(200);
    // A few quiet ticks later the same request is served again.
    await pause(1200);
    expect((await t.app.inject({ method: "GET", url: "/api/regions/tree" })).statusCode).not.toBe(503);
  });

  it("one long task alone (start-up work, a big import) sheds nothing", async () => {
    await pause(400);
    block(800);
    await pause(20);
    expect((await t.app.inject({ method: "GET", url: "/api/regions/tree" })).statusCode).not.toBe(503);
  });
});
