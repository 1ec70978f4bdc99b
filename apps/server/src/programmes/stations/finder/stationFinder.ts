import { amenityKeys, chinaDayOf, chinaMidnight, nextDay, type AmenityFilterKey, type NearbyQuery, type NearbyStation, type OpenState, type PublicStation } from "@jiangxin/domain";
import { around, distance } from "geokdbush";
import KDBush from "kdbush";
import { HoursCache, type HoursState } from "./openingHours";

/** A station as the finder keeps it: the public fields plus what filtering needs, precomputed. */
export type FinderStation = Omit<PublicStation, "state" | "nextChange" | "makeUpWorkday"> & { amenityMask: number; /** Its fixed lean fields as JSON (no braces), made when it enters the index. */ json?: string };

/** The fields of a finder answer that change only when the station is saved or its lock flag moves. */
type LeanFixed = Omit<NearbyStation, "state" | "nextChange" | "makeUpWorkday" | "distanceM">;

/** Each amenity filter as a bit; drinkable water is its own bit so refill-only water does not match it. */
const bit = (key: AmenityFilterKey) => 1 << (key === "drinkableWater" ? amenityKeys.length : amenityKeys.indexOf(key));

export function amenityMaskOf(station: Pick<PublicStation, "amenities">): number {
  let mask = 0;
  for (const a of station.amenities) {
    mask |= bit(a.key);
    if (a.key === "water" && a.water === "drinkable") mask |= bit("drinkableWater");
  }
  return mask;
}

export function filterMask(keys: readonly AmenityFilterKey[]): number {
  return keys.reduce((m, k) => m | bit(k), 0);
}

/**
 * What a station is at an instant: its status first (a paused station is closed whatever its hours say), then
 * its hours (which read a 调休 working day as a working day and say so: `makeUpWorkday`). The one place the
 * finder, the station page and the brute-force test's subject compute open / closed / unknown.
 */
export function stationState(hours: HoursCache, s: Pick<FinderStation, "status" | "closedUntil" | "openingHours">, at: Date): HoursState {
  if (s.status === "removed") return { state: "closed", nextChange: null };
  if (s.status === "closed") {
    const reopen = s.closedUntil ? reopeningOf(s.closedUntil) : null;
    if (!reopen) return { state: "closed", nextChange: null };
    if (at < reopen) {
      const then = hours.stateAt(s.openingHours, reopen);
      return { state: "closed", nextChange: then.state === "closed" ? then.nextChange : reopen };
    }
  }
  return hours.stateAt(s.openingHours, at);
}

/** Midnight after a pause's last day, by that day: the finder asks it for every paused candidate of every request. */
const reopenings = new Map<string, Date>();
function reopeningOf(closedUntil: string): Date {
  let at = reopenings.get(closedUntil);
  if (!at) {
    if (reopenings.size > 10_000) reopenings.clear();
    reopenings.set(closedUntil, (at = chinaMidnight(nextDay(closedUntil))));
  }
  return at;
}

/** A station's lean fixed fields (the finder answer's shape without state, next change and distance). */
export function leanOf(s: FinderStation): LeanFixed {
  const amenities: LeanFixed["amenities"] = {};
  let water: LeanFixed["water"] = null;
  for (const a of s.amenities) {
    amenities[a.key] = a.verifiedAt ? chinaDayOf(a.verifiedAt) : null;
    if (a.key === "water") water = a.water;
  }
  return {
    id: s.id,
    name: s.name,
    address: s.address,
    countyCode: s.countyCode,
    lng: s.lng,
    lat: s.lat,
    status: s.status,
    closedUntil: s.closedUntil,
    is24h: s.is24h,
    hoursVerifiedOn: s.hoursVerifiedAt ? chinaDayOf(s.hoursVerifiedAt) : null,
    amenities,
    water,
    lockReported: s.lockReported,
  };
}

/** State codes in the per-request memo (0: not yet asked in this request). */
const OPEN = 1;
const CLOSED = 2;
const UNKNOWN = 3;
const stateName: readonly OpenState[] = ["unknown", "open", "closed", "unknown"];

/**
 * The public finder's in-memory index (kdbush + geokdbush): answering costs no database query. The
 * server loads it at start and replaces one station whenever staff save it; a rebuild of the kd-tree
 * for 20,000 points takes a few milliseconds, so it is rebuilt whole rather than patched.
 *
 * A request's costs are kept to the kd-tree walk: what the walk's filter reads lives in typed arrays by
 * index position (amenity bit mask, opening-hours string number, "status decides nothing"), each distinct
 * opening-hours string is evaluated once per request (stations share few strings), and each station's
 * fixed fields are JSON made once when it enters the index, so writing an answer is string splicing.
 */
export class StationFinder {
  private list: FinderStation[] = [];
  private byId = new Map<string, FinderStation>();
  private index: KDBush = new KDBush(0).finish();
  private masks = new Int32Array(0);
  private hoursOf = new Int32Array(0);
  /** 1 when the station's status is open, so its hours alone decide its state. */
  private plain = new Uint8Array(0);
  private hoursText: string[] = [];
  private hoursNumber = new Map<string, number>();
  /** Per-request memo by hours number: state code, next change as JSON, 调休 flag, and the request it belongs to. */
  private memoState = new Uint8Array(0);
  private memoMakeUp = new Uint8Array(0);
  private memoNext: string[] = [];
  private memoRequest = new Int32Array(0);
  private requestNo = 0;
  /** What the last `codeOf` call found besides the state: next change as JSON, and the 调休 flag. */
  private lastNext = "null";
  private lastMakeUp = false;
  private changes = 0;
  readonly hours = new HoursCache();

  get size(): number {
    return this.list.length;
  }

  /**
   * Counts every change to the index: a reader that read the database before a change landed here can see
   * that its rows may be older than what the index holds, and read again (finderOf.ts).
   */
  get version(): number {
    return this.changes;
  }

  replaceAll(stations: readonly FinderStation[]): void {
    this.changes++;
    this.byId = new Map(stations.filter((s) => s.status !== "removed").map((s) => [s.id, s]));
    this.rebuild();
  }

  /** A saved station (removed ones leave the index). */
  put(station: FinderStation): void {
    this.putMany([station], []);
  }

  /** Several stations re-read at once, and ids no longer in the database: one kd-tree rebuild. */
  putMany(stations: readonly FinderStation[], gone: readonly string[]): void {
    this.changes++;
    for (const station of stations) {
      if (station.status === "removed") this.byId.delete(station.id);
      else this.byId.set(station.id, station);
    }
    for (const id of gone) this.byId.delete(id);
    this.rebuild();
  }

  /** A lock report opened or answered: the flag changes without a rebuild. */
  setLockReported(id: string, reported: boolean): void {
    this.changes++;
    const s = this.byId.get(id);
    if (s) {
      s.lockReported = reported;
      s.json = fixedJson(s);
    }
  }

  /** The full public record (the station page). */
  get(id: string, at: Date): PublicStation | undefined {
    const s = this.byId.get(id);
    if (!s) return undefined;
    const st = stationState(this.hours, s, at);
    const { amenityMask: _mask, json: _json, ...rest } = s;
    return { ...rest, state: st.state, nextChange: st.nextChange?.toISOString() ?? null, ...(st.makeUpWorkday ? { makeUpWorkday: true } : {}) };
  }

  /** The answer as objects (what `nearbyJson` spells). */
  nearby(q: NearbyQuery, at: Date): NearbyStation[] {
    return this.search(q, at).map(({ i, distanceM }) => {
      const s = this.list[i] as FinderStation;
      const code = this.codeOf(i, at);
      const next = this.lastNext;
      return { ...leanOf(s), state: stateName[code] ?? "unknown", nextChange: next === "null" ? null : (JSON.parse(next) as string), ...(this.lastMakeUp ? { makeUpWorkday: true } : {}), distanceM };
    });
  }

  /** The same answer as the JSON text the route sends. */
  nearbyJson(q: NearbyQuery, at: Date): string {
    let out = `{"at":"${at.toISOString()}","items":[`;
    let first = true;
    for (const { i, distanceM } of this.search(q, at)) {
      const s = this.list[i] as FinderStation;
      const code = this.codeOf(i, at);
      out += `${first ? "" : ","}{${(s.json ??= fixedJson(s))},"state":"${stateName[code]}","nextChange":${this.lastNext}${this.lastMakeUp ? ',"makeUpWorkday":true' : ""},"distanceM":${distanceM}}`;
      first = false;
    }
    return `${out}]}`;
  }

  private search(q: NearbyQuery, at: Date): { i: number; distanceM: number }[] {
    this.requestNo++;
    const need = filterMask(q.amenities);
    const masks = this.masks;
    const predicate = q.openNow
      ? (i: number) => (masks[i]! & need) === need && this.codeOf(i, at) === OPEN
      : need === 0
        ? undefined
        : (i: number) => (masks[i]! & need) === need;
    const ids: number[] = around(this.index, q.lng, q.lat, q.limit, q.within / 1000, predicate);
    return ids.map((i) => {
      const s = this.list[i] as FinderStation;
      return { i, distanceM: Math.round(distance(q.lng, q.lat, s.lng, s.lat) * 1000) };
    });
  }

  /**
   * State code of the station at list position i, memoized per hours string for this request; its next change
   * (as JSON) and 调休 flag are left in `lastNext` / `lastMakeUp` (no object per candidate of the walk).
   */
  private codeOf(i: number, at: Date): number {
    if (!this.plain[i]) {
      const st = stationState(this.hours, this.list[i] as FinderStation, at);
      this.lastNext = st.nextChange ? `"${st.nextChange.toISOString()}"` : "null";
      this.lastMakeUp = st.makeUpWorkday === true;
      return codeOfState(st);
    }
    const h = this.hoursOf[i]!;
    if (this.memoRequest[h] !== this.requestNo) {
      const st = this.hours.stateAt(this.hoursText[h]!, at);
      this.memoRequest[h] = this.requestNo;
      this.memoState[h] = codeOfState(st);
      this.memoNext[h] = st.nextChange ? `"${st.nextChange.toISOString()}"` : "null";
      this.memoMakeUp[h] = st.makeUpWorkday ? 1 : 0;
    }
    this.lastNext = this.memoNext[h]!;
    this.lastMakeUp = this.memoMakeUp[h] === 1;
    return this.memoState[h]!;
  }

  private rebuild(): void {
    this.list = [...this.byId.values()];
    const n = this.list.length;
    // Small leaves: a nearest-10 walk pushes fewer points through geokdbush's queue (default 64).
    const index = new KDBush(n, 16);
    this.masks = new Int32Array(n);
    this.hoursOf = new Int32Array(n);
    this.plain = new Uint8Array(n);
    this.hoursText = [];
    this.hoursNumber = new Map();
    for (const [i, s] of this.list.entries()) {
      index.add(s.lng, s.lat);
      this.masks[i] = s.amenityMask;
      let h = this.hoursNumber.get(s.openingHours);
      if (h === undefined) {
        h = this.hoursText.push(s.openingHours) - 1;
        this.hoursNumber.set(s.openingHours, h);
      }
      this.hoursOf[i] = h;
      this.plain[i] = s.status === "open" ? 1 : 0;
      s.json ??= fixedJson(s);
    }
    this.index = index.finish();
    const m = this.hoursText.length;
    this.memoState = new Uint8Array(m);
    this.memoMakeUp = new Uint8Array(m);
    this.memoNext = new Array<string>(m).fill("null");
    this.memoRequest = new Int32Array(m);
    this.requestNo = 0;
  }
}

function fixedJson(s: FinderStation): string {
  return JSON.stringify(leanOf(s)).slice(1, -1);
}

function codeOfState(st: HoursState): number {
  return st.state === "open" ? OPEN : st.state === "closed" ? CLOSED : UNKNOWN;
}
