import { amenityKeys, csrfHeader, sessionCookie, type NearbyResult, type Station } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUser } from "../../../fixtures/factories";
import { queryRows } from "../../../platform/db/queryRows";
import { loginAs, startTestApp, type Agent, type TestApp } from "../../../testing/testApp";
import { testDatabaseKinds } from "../../../testing/testDatabases";
import { stationsChannel } from "./finderSync";

// A quiet corner of 淳安, away from anything else a test makes.
const spot = { lng: 118.71, lat: 29.43 };
/** How long another process may take to see a change: the debounce plus a read, on a loaded machine. */
const propagation = { timeout: 10_000, interval: 50 };

async function unionOf(t: TestApp): Promise<string> {
  const [u] = await queryRows<{ id: string }>(t.ctx.database.db, sql`select id from unions where kind = 'county' and region_code = '330127'`);
  return u?.id ?? "";
}

function stationBody(unionId: string, extra: Record<string, unknown> = {}) {
  return {
    name: "左口乡暖心驿站",
    hostKind: "union",
    hostOrg: "左口乡总工会",
    address: "淳安县左口乡1号",
    ...spot,
    countyCode: "330127",
    unionId,
    managerName: "余师傅",
    managerPhone: "13957100003",
    amenities: amenityKeys.map((key) => ({ key, water: key === "water" ? "drinkable" : null, verify: true })),
    openingHours: "24/7",
    verifyHours: true,
    upgradeClaimedYear: null,
    ...extra,
  };
}

/** What a phone asking this app's finder would see at the spot: names, open state, lock flag. */
async function nearby(t: TestApp) {
  const res = await t.app.inject({ url: `/api/public/stations/nearby?lng=${spot.lng}&lat=${spot.lat}&within=2000` });
  expect(res.statusCode).toBe(200);
  return res.json<NearbyResult>().items.map((s) => ({ id: s.id, name: s.name, state: s.state, lockReported: s.lockReported }));
}

const put = (t: TestApp, who: Agent, url: string, body: unknown) =>
  t.app.inject({ method: "PUT", url, headers: { cookie: `${sessionCookie}=${who.cookie}`, [csrfHeader]: who.info.csrfToken }, payload: body as object });

describe.each(testDatabaseKinds)("the finder hears station changes on the database's channel (%s)", (kind) => {
  let t: TestApp;
  let staff: Agent;
  let unionId = "";
  beforeAll(async () => {
    t = await startTestApp(kind);
    await makeUser(t.ctx.database.db, "county", { username: `sync-${kind}`, regionCode: "330127" });
    staff = await loginAs(t, `sync-${kind}`);
    unionId = await unionOf(t);
  });
  afterAll(() => t.close());

  it("a save shows in the same process's finder at once; a notice from another process makes it re-read that station", async () => {
    const created = await staff.post("/api/stations", stationBody(unionId));
    expect(created.statusCode).toBe(201);
    const station = created.json<Station>();
    // Read-your-writes in the process that saved: no waiting on its own notice.
    expect(await nearby(t)).toEqual([{ id: station.id, name: "左口乡暖心驿站", state: "open", lockReported: false }]);

    // Another process's committed change, as it arrives: the row changed and a notice with another origin.
    await t.ctx.database.db.transaction(async (tx) => {
      await tx.execute(sql`update stations set name = '左口乡暖心驿站(已搬迁)' where id = ${station.id}`);
      await tx.execute(sql`select pg_notify(${stationsChannel}, ${`another-process ${station.id}`})`);
    });
    await expect.poll(async () => (await nearby(t))[0]?.name, propagation).toBe("左口乡暖心驿站(已搬迁)");
  });
});

// Two app processes on one PostgreSQL database: what one saves, the other's finder answers.
describe.runIf(Boolean(process.env.TEST_DATABASE_URL))("two app instances on one PostgreSQL database", () => {
  let a: Awaited<ReturnType<typeof startTestApp>>;
  let b: TestApp;
  let staffA: Agent;
  let unionId = "";
  let station: Station;
  beforeAll(async () => {
    a = await startTestApp("postgres");
    b = await startTestApp("postgres", {}, { sameDatabaseAs: a });
    await makeUser(a.ctx.database.db, "county", { username: "sync-two", regionCode: "330127" });
    staffA = await loginAs(a, "sync-two");
    unionId = await unionOf(a);
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it("a station created and then paused through A is found, then shown closed, by B's finder", async () => {
    expect(await nearby(b)).toEqual([]);
    const created = await staffA.post("/api/stations", stationBody(unionId));
    expect(created.statusCode).toBe(201);
    station = created.json<Station>();
    await expect.poll(() => nearby(b), propagation).toEqual([{ id: station.id, name: "左口乡暖心驿站", state: "open", lockReported: false }]);

    const paused = await put(a, staffA, `/api/stations/${station.id}`, stationBody(unionId, { status: "closed", closedUntil: "2099-12-31", removedReason: null, managerPhone: undefined }));
    expect(paused.statusCode).toBe(200);
    await expect.poll(async () => (await nearby(b))[0]?.state, propagation).toBe("closed");
  });

  it("a lock report made through B's public page shows on A's finder; A's answer clears it on B", async () => {
    await put(a, staffA, `/api/stations/${station.id}`, stationBody(unionId, { managerPhone: undefined }));
    await expect.poll(async () => (await nearby(b))[0]?.state, propagation).toBe("open");
    const report = await b.app.inject({ method: "POST", url: `/api/public/stations/${station.id}/reports`, payload: { kind: "locked", note: "22点锁门" } });
    expect(report.statusCode).toBe(201);
    await expect.poll(async () => (await nearby(a))[0]?.lockReported, propagation).toBe(true);

    const [open] = await queryRows<{ id: string }>(a.ctx.database.db, sql`select id from station_reports where station_id = ${station.id} and answered_at is null`);
    const answered = await staffA.post(`/api/station-reports/${open?.id ?? ""}/answer`, { outcome: "resolved", answer: "已约谈负责人" });
    expect(answered.statusCode).toBe(200);
    await expect.poll(async () => (await nearby(b))[0]?.lockReported, propagation).toBe(false);
  });

  it("after the database drops every connection (a restart), each instance listens again and reloads what it missed", async () => {
    // A change no notice announces (made while nobody could have heard one): only the reload finds it.
    const admin = new pg.Client({ connectionString: a.target.kind === "postgres" ? a.target.url : "" });
    await admin.connect();
    try {
      await admin.query("update stations set name = '左口乡暖心驿站(重启期间改名)' where id = $1", [station.id]);
      // Nothing polls the database: without a notice, both finders keep the name they had.
      await new Promise((r) => setTimeout(r, 500));
      expect((await nearby(b))[0]?.name).toBe("左口乡暖心驿站");
      const killed = await admin.query("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()");
      expect(killed.rowCount).toBeGreaterThanOrEqual(2); // at least the two LISTEN connections
    } finally {
      await admin.end();
    }
    await expect.poll(async () => (await nearby(b))[0]?.name, propagation).toBe("左口乡暖心驿站(重启期间改名)");
    await expect.poll(async () => (await nearby(a))[0]?.name, propagation).toBe("左口乡暖心驿站(重启期间改名)");

    // And the re-established channel carries the next change.
    const renamed = await put(a, staffA, `/api/stations/${station.id}`, stationBody(unionId, { name: "左口乡暖心驿站(新址)", managerPhone: undefined }));
    expect(renamed.statusCode).toBe(200);
    await expect.poll(async () => (await nearby(b))[0]?.name, propagation).toBe("左口乡暖心驿站(新址)");
  });
});
