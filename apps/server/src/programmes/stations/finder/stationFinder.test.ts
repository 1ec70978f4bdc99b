import { amenityKeys, amenityLabels, chinaDayOf, chinaHolidayOn, chinaMidnight, nextDay, type AmenityFilterKey, type NearbyQuery, type NearbyStation } from "@jiangxin/domain";
import OpeningHours from "opening_hours";
import { describe, expect, it } from "vitest";
import { toWall } from "./openingHours";
import { amenityMaskOf, StationFinder, type FinderStation } from "./stationFinder";

// The finder (grid index, amenity bit masks, cached hour intervals) against a scan that shares none of it:
// every station's great-circle distance, its amenity list, and the opening_hours package asked directly.

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(7);
const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)] as T;

const hours = ["24/7", "Mo-Su 08:00-20:00", "Mo-Fr 08:30-17:30; Sa,Su 09:00-17:00", "Mo-Su 07:00-21:00; PH 09:00-17:00", "Mo-Fr 09:00-17:00; PH off", "Mo-Fr 10:00-16:00 unknown", "", "Mo-Su 22:00-06:00"];
const start = chinaMidnight("2026-09-28"); // spans the National Day holidays (1–7 Oct) and the 调休 Saturday after them (10 Oct)
const spanDays = 14;

function station(i: number): FinderStation {
  const amenities = amenityKeys.filter(() => rnd() < 0.5).map((key) => ({ key, label: amenityLabels[key], water: key === "water" ? pick(["drinkable", "refill"] as const) : null, verifiedAt: null }));
  const status: "open" | "closed" = rnd() < 0.9 ? "open" : "closed";
  const s = {
    id: `s${i}`,
    name: `站${i}`,
    hostKind: "union" as const,
    hostOrg: "x",
    address: "x",
    countyCode: "330106",
    // Zhejiang's box, denser around Hangzhou so many queries see crowded neighbourhoods.
    lng: rnd() < 0.5 ? 118.0 + rnd() * 4.5 : 120.0 + rnd() * 0.4,
    lat: rnd() < 0.5 ? 27.0 + rnd() * 4.2 : 30.1 + rnd() * 0.3,
    status,
    closedUntil: status === "closed" ? pick(["2026-09-29", "2026-10-02", "2026-10-05"]) : null,
    openingHours: pick(hours),
    is24h: false,
    hoursVerifiedAt: null,
    amenities,
    localItems: [],
    lockReported: false,
  };
  return { ...s, amenityMask: amenityMaskOf(s) };
}

const haversineM = (lng1: number, lat1: number, lng2: number, lat2: number) => {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * rad) / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371_000 * Math.asin(Math.min(1, Math.sqrt(a)));
};

const zhejiang = { lat: 30.27, lon: 120.15, address: { country_code: "cn", state: "浙江省" } };
const parsed = new Map(hours.filter(Boolean).map((h) => [h, new OpeningHours(h, zhejiang)]));

/** The state straight from the package: closed while paused, unknown without hours or when the rule says so. */
function directState(s: FinderStation, at: Date, hoursState: (hours: string) => string): string {
  if (s.status === "closed" && s.closedUntil && at < chinaMidnight(nextDay(s.closedUntil))) return "closed";
  return hoursState(s.openingHours);
}

// On the notice's days off (1–7 Oct 2026 here; the package knows only 1–3 Oct) "PH" matches every day.
const asHoliday = new Map(hours.filter(Boolean).map((h) => [h, new OpeningHours(h.replace(/\bPH\b/g, "Mo-Su"), zhejiang)]));
// The notice's 调休 Saturday is read as an ordinary working day: the rule picks the nearest ordinary Wednesday
// (that week's, 7 Oct, is 国庆), so the package is asked about the same clock time on 14 Oct.
const makeUpDays = new Map([["2026-10-10", "2026-10-14"]]);
function packageState(hours: string, at: Date): string {
  const day = chinaDayOf(at);
  const ref = makeUpDays.get(day);
  const asked = ref ? new Date(at.getTime() + (Date.parse(ref) - Date.parse(day))) : at;
  const oh = (chinaHolidayOn(chinaDayOf(asked)) ? asHoliday : parsed).get(hours);
  return oh ? oh.getStateString(toWall(asked), true) : "unknown";
}

function has(s: FinderStation, key: AmenityFilterKey): boolean {
  if (key === "drinkableWater") return s.amenities.some((a) => a.key === "water" && a.water === "drinkable");
  return s.amenities.some((a) => a.key === (key));
}

describe("station finder", () => {
  const all = Array.from({ length: 3000 }, (_, i) => station(i));
  const finder = new StationFinder();
  finder.replaceAll(all);

  it("answers 10,000 random queries exactly as a brute-force scan", () => {
    let nonEmpty = 0;
    for (let q = 0; q < 10_000; q++) {
      const query: NearbyQuery = {
        lng: 118.0 + rnd() * 4.5,
        lat: 27.0 + rnd() * 4.2,
        amenities: amenityKeys.filter(() => rnd() < 0.12).concat(rnd() < 0.1 ? ["drinkableWater" as never] : []),
        openNow: rnd() < 0.5,
        limit: 1 + Math.floor(rnd() * 50),
        within: 1000 + Math.floor(rnd() * 80_000),
      };
      if (q % 3 === 0) Object.assign(query, { lng: 120.0 + rnd() * 0.4, lat: 30.1 + rnd() * 0.3 });
      const at = new Date(start.getTime() + Math.floor(rnd() * spanDays * 24 * 60) * 60_000);
      const got = finder.nearby(query, at);
      // The bytes the route sends spell the same answer, every byte of them (a wrong length leaves garbage that does not parse).
      if (q % 50 === 0) expect(JSON.parse(finder.nearbyAnswer(query, at).toString("utf8"))).toEqual({ at: at.toISOString(), items: got });
      // The package is asked once per distinct (hours, pause) in a query: the scan stays a scan, only faster.
      const memo = new Map<string, string>();
      const hoursState = (h: string) => {
        let v = memo.get(h);
        if (v === undefined) memo.set(h, (v = packageState(h, at)));
        return v;
      };
      const stateOf = (s: FinderStation) => directState(s, at, hoursState);
      const expected: { s: FinderStation; d: number }[] = [];
      const inRange: { s: FinderStation; d: number }[] = [];
      // Still every station; a latitude gap alone already exceeding the radius (a lower bound of the distance) skips the trigonometry.
      const maxDLat = query.within / 111_194.9;
      for (const s of all) {
        if (Math.abs(s.lat - query.lat) > maxDLat) continue;
        const d = haversineM(query.lng, query.lat, s.lng, s.lat);
        if (d <= query.within && query.amenities.every((k) => has(s, k))) inRange.push({ s, d });
      }
      inRange.sort((a, b) => a.d - b.d);
      for (const e of inRange) {
        if (expected.length >= query.limit) break;
        if (!query.openNow || stateOf(e.s) === "open") expected.push(e);
      }
      expect(got.map((g) => g.id)).toEqual(expected.map((e) => e.s.id));
      for (const [i, g] of got.entries()) {
        const e = expected[i];
        if (!e) continue;
        expect(Math.abs(g.distanceM - e.d)).toBeLessThanOrEqual(1);
        expect(g.state, `${e.s.openingHours} at ${at.toISOString()}`).toBe(stateOf(e.s));
        // The lean answer carries each amenity present (with its check date) and the water kind.
        expect(Object.keys(g.amenities).sort()).toEqual(e.s.amenities.map((a) => a.key).sort());
        expect(g.water).toBe(e.s.amenities.find((a) => a.key === "water")?.water ?? null);
      }
      if (got.length > 0) nonEmpty++;
    }
    // The queries exercise the index: most find something.
    expect(nonEmpty).toBeGreaterThan(5000);
  }, 120_000);

  it("gives the next change as the package does, and unknown is never open", () => {
    const s = all.find((x) => x.status === "open" && x.openingHours === "Mo-Fr 08:30-17:30; Sa,Su 09:00-17:00");
    if (!s) throw new Error("no such station");
    const fri = new Date("2026-09-25T18:00:00+08:00");
    expect(finder.get(s.id, fri)).toMatchObject({ state: "closed", nextChange: new Date("2026-09-26T09:00:00+08:00").toISOString() });
    const unknown = all.find((x) => x.status === "open" && x.openingHours === "");
    expect(unknown && finder.get(unknown.id, fri)?.state).toBe("unknown");
    // National Day (a public holiday in the package's table for cn): PH off means closed.
    const ph = all.find((x) => x.status === "open" && x.openingHours === "Mo-Fr 09:00-17:00; PH off");
    expect(ph && finder.get(ph.id, new Date("2026-10-01T10:00:00+08:00"))?.state).toBe("closed");
    // The 调休 Saturday after 国庆: a Mo-Fr station is open and says why; a 24/7 one has nothing to say.
    const saturday = new Date("2026-10-10T10:00:00+08:00");
    expect(ph && finder.get(ph.id, saturday)).toMatchObject({ state: "open", makeUpWorkday: true });
    const near = ph && finder.nearby({ lng: ph.lng, lat: ph.lat, amenities: [], openNow: true, limit: 1, within: 1 }, saturday)[0];
    expect(near).toMatchObject({ id: ph?.id, state: "open", makeUpWorkday: true });
    const allDay = all.find((x) => x.status === "open" && x.openingHours === "24/7");
    expect(allDay && finder.get(allDay.id, saturday)).not.toHaveProperty("makeUpWorkday");
    expect(ph && finder.get(ph.id, new Date("2026-10-17T10:00:00+08:00"))).toEqual(expect.objectContaining({ state: "closed" }));
    expect(ph && finder.get(ph.id, new Date("2026-10-17T10:00:00+08:00"))).not.toHaveProperty("makeUpWorkday");
  });

  it("keeps an answer's bytes as they were while later answers are cut from new slabs", () => {
    // A slow client's answer may wait in the socket's queue: the bytes it points to must not change.
    const query: NearbyQuery = { lng: 120.2, lat: 30.25, amenities: [], openNow: false, limit: 50, within: 80_000 };
    const first = finder.nearbyAnswer(query, start);
    const copy = Buffer.from(first);
    let cut = 0;
    for (let k = 0; cut < 3 * 256 * 1024; k++) cut += finder.nearbyAnswer({ ...query, lng: 119 + (k % 300) / 100 }, start).length;
    expect(first.equals(copy)).toBe(true);
    expect(JSON.parse(first.toString("utf8"))).toEqual({ at: start.toISOString(), items: finder.nearby(query, start) });
  });

  it("drops removed stations and moves edited ones", () => {
    const f = new StationFinder();
    f.replaceAll(all.slice(0, 10));
    const first = all[0];
    if (!first) throw new Error("no station");
    // An edit spread from the indexed record: the finder makes the new record's bytes, not the old one's.
    f.put({ ...first, lng: 121.5, lat: 29.9 });
    const moved: NearbyQuery = { lng: 121.5, lat: 29.9, amenities: [], openNow: false, limit: 1, within: 500 };
    expect(f.nearby(moved, start)[0]?.id).toBe(first.id);
    // The bytes the route sends carry the new place too.
    const sent = JSON.parse(f.nearbyAnswer(moved, start).toString("utf8")) as { items: NearbyStation[] };
    expect(sent.items[0]).toMatchObject({ id: first.id, lng: 121.5, lat: 29.9, distanceM: 0 });
    f.put({ ...first, status: "removed" });
    expect(f.get(first.id, start)).toBeUndefined();
    expect(f.size).toBe(9);
    // A burst read back together: a new station, an edit, one gone from the database; every other keeps its answer.
    const [second, third, fourth] = all.slice(1, 4);
    if (!second || !third || !fourth) throw new Error("no stations");
    const nearest = (lng: number, lat: number) => f.nearby({ lng, lat, amenities: [], openNow: false, limit: 1, within: 500 }, start)[0]?.id;
    f.putMany([{ ...all[20]!, lng: 120.9, lat: 28.1 }, { ...second, name: "改名后的站点" }], [third.id]);
    expect(f.size).toBe(9);
    expect(nearest(120.9, 28.1)).toBe(all[20]?.id);
    expect(f.get(second.id, start)?.name).toBe("改名后的站点");
    expect(f.get(third.id, start)).toBeUndefined();
    expect(nearest(fourth.lng, fourth.lat)).toBe(fourth.id);
  });
});
