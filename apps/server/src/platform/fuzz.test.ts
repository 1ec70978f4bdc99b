import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "../fixtures/factories";
import { makeExpert } from "../fixtures/makeExpert";
import { fuzzRoutes } from "../testing/fuzzRoutes";
import { loginAs, startTestApp, type TestApp } from "../testing/testApp";

// Every write route with fuzzed bodies, every GET with fuzzed query strings, every path parameter, as
// the province administrator (who reaches the most code): no answer may be a 500. The suite runs a few
// requests per route on a handful of records to stay quick; `npm run -s bench:fuzz` runs 1,000 per
// route on a small demo (real sessions, problems and agreements behind the ids).
const runsPerRoute = Number(process.env.JIANGXIN_FUZZ_RUNS ?? 8);

describe("fuzzing every route", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    const { db } = t.ctx.database;
    for (const countyCode of ["330127", "330723"]) {
      const firm = await makeEnterprise(db, t.ctx.cipher, { countyCode });
      await makeExpert(db, t.ctx.cipher, { homeCountyCode: countyCode });
      await makeUser(db, "enterprise", { regionCode: null, enterpriseId: firm.id });
    }
    await makeUser(db, "province", { username: "fuzzer" });
  });
  afterAll(() => t.close());

  it("answers every fuzzed body, query string and path below 500", async () => {
    const report = await fuzzRoutes(t, () => loginAs(t, "fuzzer"), { runsPerRoute, seed: 20261202 });
    expect(report.byRoute.size).toBeGreaterThan(50);
    expect(report.failures.slice(0, 10)).toEqual([]);
  }, 120_000);
});
