import type { ProgrammeDescriptor } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../fixtures/factories";
import { scopeFor } from "../access";
import type { Actor } from "../actor";
import type { IndicatorQuery, Programme } from "../programme";
import { startTestApp, type TestApp } from "../../testing/testApp";
import { targets } from "./tables";
import { dashboardService } from "./dashboardService";

// The dashboard against a stand-in programme whose counts are known: what is tested is the platform's
// part — the counties it asks for (the reader's scope), one count per programme, sums and the lagging rule.
const descriptor: ProgrammeDescriptor = {
  id: "demoProg",
  name: "测试项目",
  summary: "",
  permissions: [],
  grants: {},
  indicators: [{ key: "demoProg.visits", label: "走访", unit: "次", definition: "走访次数" }],
};

describe("dashboard service", () => {
  let t: TestApp;
  const calls: IndicatorQuery[] = [];
  // Every county counts 10 visits, except 淳安 (330127) with 2.
  const programme: Programme = {
    descriptor,
    routes: () => {},
    countIndicators: async (ctx, q) => {
      calls.push(q);
      const counties = q.counties ?? ctx.regions.countiesUnder("330000");
      return new Map([["demoProg.visits", new Map(counties.map((c) => [c, c === "330127" ? 2 : 10]))]]);
    },
  };
  const actor = (role: "province" | "city" | "county", regionCode: string): Actor =>
    ({ userId: "", username: role, displayName: role, role, regionCode, enterpriseId: null, expertId: null, scope: scopeFor({ role, regionCode, enterpriseId: null }, null, t.ctx.regions) }) as Actor;

  beforeAll(async () => {
    t = await startTestApp("pglite");
    t.advance(Date.parse("2026-07-02T04:00:00Z") - Date.now());
    const u = await makeUser(t.ctx.database.db, "province", { username: "svc-prov" });
    const approved = (regionCode: string, value: number) => ({ indicatorKey: "demoProg.visits", year: 2026, regionCode, value, status: "approved" as const, updatedBy: u.id });
    await t.ctx.database.db.insert(targets).values([approved("330100", 200), approved("330127", 20), approved("330182", 20), approved("330200", 100)]);
  });
  afterAll(() => t.close());

  it("counts the reader's own counties, once per programme, and caches briefly", async () => {
    const service = dashboardService(t.ctx, [programme]);
    const hz = await service.dashboard(actor("city", "330100"), 2026);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ year: 2026, before: "2026-07-03" });
    expect([...(calls[0]?.counties ?? [])].sort()).toEqual(t.ctx.regions.countiesUnder("330100").sort());
    const fig = hz.programmes[0]?.figures[0];
    const n = t.ctx.regions.countiesUnder("330100").length;
    expect(fig?.value).toBe((n - 1) * 10 + 2);
    // 淳安: 2 of 20 = 10% by 2 July (50.1% expected): lagging; 建德: 10 of 20 = 50%: on track.
    expect(fig?.lagging.map((l) => [l.name, l.share])).toEqual([["淳安县", 0.1]]);

    await service.dashboard(actor("city", "330100"), 2026);
    expect(calls).toHaveLength(1); // served from the cache
    t.advance(61_000);
    await service.dashboard(actor("city", "330100"), 2026);
    expect(calls).toHaveLength(2);
  });

  it("gives a county its own figure and the province every county", async () => {
    const service = dashboardService(t.ctx, [programme]);
    calls.length = 0;
    const ca = await service.dashboard(actor("county", "330127"), 2026);
    expect(calls[0]?.counties).toEqual(["330127"]);
    expect(ca.programmes[0]?.figures[0]).toMatchObject({ value: 2, target: 20, status: "lagging", lagging: [] });

    const prov = await service.dashboard(actor("province", "330000"), 2026);
    expect(calls[1]?.counties).toBeUndefined();
    const fig = prov.programmes[0]?.figures[0];
    expect(fig).toMatchObject({ value: 89 * 10 + 2, target: null, status: "noTarget" });
    // 宁波: 100 visits of 100 and 杭州: 122 of 200 = 61% are ahead; 淳安 below them is named.
    expect(fig?.lagging.map((l) => l.name)).toEqual(["淳安县"]);

    const past = await service.dashboard(actor("province", "330000"), 2025);
    expect(past).toMatchObject({ asOf: "2025-12-31", yearElapsed: 1 });
    expect(calls[2]?.before).toBeUndefined();
  });
});
