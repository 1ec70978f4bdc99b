import { amenityKeys, chinaDayOf, chinaMidnight, nextDay, type AmenityFilterKey, type NearbyQuery, type NearbyStation, type OpenState, type PublicStation } from "@jiangxin/domain";
import KDBush from "kdbush";
import { HoursCache, type HoursState } from "./openingHours";

/** A station as the finder keeps it: the public fields plus what filtering needs, precomputed. */
export type FinderStation = Omit<PublicStation, "state" | "nextChange" | "makeUpWorkday"> & {
  amenityMask: number;
  /** Its answer item up to the state's value, as UTF-8 bytes (`{…fixed lean fields…,"state":"`), made once. */
  head?: Buffer;
};

/** The fields of a finder answer that change only when the station is saved or its lock flag moves (`leanOf`). */
type LeanFixed = Omit<NearbyStation, "state" | "nextChange" | "makeUpWorkday" | "distanceM">;

/** The longest per-request part of an answer item (see `nearbyAnswer`), in bytes: 110, with room to spare. */
const longestTail = 128;

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

/** The Earth's mean radius in km (the haversine distance the answer gives). */
const earthKm = 6371;
const rad = Math.PI / 180;
/** The first box's half-width where the density grid sees no station near the query. */
const firstRadiusKm = 1;
/** The density grid's cells: at least this wide (degrees, about 2 km), and at most this many over the stations' box. */
const gridCellMin = 0.02;
const gridCellsMax = 65_536;
/** The density grid's window around the query's cell: (2·w + 1)² cells, about 10 km square. */
const gridWindow = 2;

function haverSin(theta: number): number {
  const s = Math.sin(theta / 2);
  return s * s;
}

/** State codes in the hours memo (`codeOf`); 0 is never stored. */
const OPEN = 1;
const CLOSED = 2;
const UNKNOWN = 3;
const stateName: readonly OpenState[] = ["unknown", "open", "closed", "unknown"];

/**
 * The public finder's in-memory index (a kdbush kd-tree): answering costs no database query. The
 * server loads it at start and replaces one station whenever staff save it; the kd-tree over 20,000
 * points is rebuilt whole rather than patched (the whole rebuild: ~100–150 ms on this machine's slow days,
 * a fifth of that on a normal one).
 *
 * A request's costs are kept to the kd-tree walk: what the walk's filter reads lives in typed arrays by
 * index position (amenity bit mask, opening-hours string number, "status decides nothing"), each distinct
 * opening-hours string is evaluated once per request (stations share few strings), and each station's
 * fixed fields are UTF-8 JSON made once when it enters the index, so writing an answer is copying bytes.
 */
export class StationFinder {
  private list: FinderStation[] = [];
  private byId = new Map<string, FinderStation>();
  private index: KDBush = new KDBush(0).finish();
  /** By list position (the kd-tree's own order, so that a box's stations sit together in memory): */
  private masks = new Int32Array(0);
  /** Coordinates (degrees) and the cosine of the latitude, by list position: what the distance test reads. */
  private lngs = new Float64Array(0);
  private lats = new Float64Array(0);
  private cosLats = new Float64Array(0);
  /** The stations' bounding box's south-west corner, and the density grid over it: stations per cell, row by row (`firstRadius`). */
  private minLng = 0;
  private minLat = 0;
  private gridCell = gridCellMin;
  private gridCols = 0;
  private gridRows = 0;
  private gridCounts = new Int32Array(0);
  private shares = new Map<number, number>();
  /** The last search's hits, nearest first: list position and haversine (see `search`). */
  private hitPos = new Int32Array(0);
  private hitH = new Float64Array(0);
  private hoursOf = new Int32Array(0);
  /** 1 when the station's status is open, so its hours alone decide its state. */
  private plain = new Uint8Array(0);
  /** 1 while a lock report waits for the county's answer. */
  private locked = new Uint8Array(0);
  /** Every station's `head`, end to end, and where each starts (n + 1 offsets). */
  private heads = Buffer.alloc(0);
  private headStart = new Int32Array(1);
  private positionOf = new Map<string, number>();
  private hoursText: string[] = [];
  private hoursNumber = new Map<string, number>();
  /**
   * The last answer per hours number — state code, next change as JSON, 调休 flag — and the span [from, until)
   * (ms) it holds for (`HoursState.heldFrom`): requests for "now" all fall in it, so the hours are read
   * again only when the state changes or the day turns.
   */
  private memoState = new Uint8Array(0);
  private memoMakeUp = new Uint8Array(0);
  private memoNext: string[] = [];
  private memoFrom = new Float64Array(0);
  private memoUntil = new Float64Array(0);
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
    const all = [...this.byId.values()];
    // The list takes a first kd-tree's order, so that stations near each other on the map are near each other
    // in memory: a box's candidates are read from a few cache lines of each array, not from all over them.
    const first = new KDBush(all.length, 16);
    for (const s of all) first.add(s.lng, s.lat);
    this.rebuild(Array.from(first.finish().ids, (id) => all[id] as FinderStation));
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
    // A saved station keeps its place in that order and a new one goes last (a full load sorts again): a
    // save's rebuild stays one kd-tree build.
    const list: (FinderStation | undefined)[] = [...this.list];
    for (const station of stations) {
      const at = this.positionOf.get(station.id);
      if (at === undefined) list.push(station);
      else list[at] = station;
    }
    this.rebuild(list.filter((s): s is FinderStation => s !== undefined && this.byId.get(s.id) === s));
  }

  /** A lock report opened or answered: the flag changes without a rebuild. */
  setLockReported(id: string, reported: boolean): void {
    this.changes++;
    const s = this.byId.get(id);
    const i = this.positionOf.get(id);
    if (s) s.lockReported = reported;
    if (i !== undefined) this.locked[i] = reported ? 1 : 0;
  }

  /** The full public record (the station page). */
  get(id: string, at: Date): PublicStation | undefined {
    const s = this.byId.get(id);
    if (!s) return undefined;
    const st = stationState(this.hours, s, at);
    const { amenityMask: _mask, head: _head, ...rest } = s;
    return { ...rest, state: st.state, nextChange: st.nextChange?.toISOString() ?? null, ...(st.makeUpWorkday ? { makeUpWorkday: true } : {}) };
  }

  /** The answer as objects (what `nearbyAnswer` spells). */
  nearby(q: NearbyQuery, at: Date): NearbyStation[] {
    const out: NearbyStation[] = [];
    const count = this.search(q, at);
    for (let k = 0; k < count; k++) {
      const s = this.list[this.hitPos[k]!] as FinderStation;
      const code = this.codeOf(this.hitPos[k]!, at);
      const next = this.lastNext;
      out.push({ ...leanOf(s), state: stateName[code] ?? "unknown", nextChange: next === "null" ? null : (JSON.parse(next) as string), ...(this.lastMakeUp ? { makeUpWorkday: true } : {}), distanceM: this.distanceM(k) });
    }
    return out;
  }

  /**
   * The same answer as the UTF-8 JSON bytes the route sends. Each station's fixed part is bytes made once
   * (`heads`); what changes per request (state, next change, lock flag, distance) is ASCII, written byte for
   * byte. A string answer cost the route more than the search: its Chinese names made it a two-byte string
   * that was flattened, measured for Content-Length and encoded to UTF-8 again on every request.
   */
  nearbyAnswer(q: NearbyQuery, at: Date): Buffer {
    const count = this.search(q, at);
    const opening = `{"at":"${at.toISOString()}","items":[`;
    let size = opening.length + count * (longestTail + 1) + 2;
    for (let k = 0; k < count; k++) size += this.headStart[this.hitPos[k]! + 1]! - this.headStart[this.hitPos[k]!]!;
    const out = Buffer.allocUnsafe(size);
    let pos = out.write(opening, 0, "latin1");
    for (let k = 0; k < count; k++) {
      const i = this.hitPos[k]!;
      const code = this.codeOf(i, at);
      if (k > 0) out[pos++] = 0x2c; // ,
      pos += this.heads.copy(out, pos, this.headStart[i], this.headStart[i + 1]);
      const lock = this.locked[i] ? "true" : "false";
      pos += out.write(`${stateName[code]}","nextChange":${this.lastNext}${this.lastMakeUp ? ',"makeUpWorkday":true' : ""},"lockReported":${lock},"distanceM":${this.distanceM(k)}}`, pos, "latin1");
    }
    pos += out.write("]}", pos, "latin1");
    return out.subarray(0, pos);
  }

  /** The k-th hit's great-circle distance in metres, from its haversine. */
  private distanceM(k: number): number {
    return Math.round(2 * earthKm * Math.asin(Math.sqrt(this.hitH[k]!)) * 1000);
  }

  /**
   * Finds the `limit` nearest matching stations within `within` metres and leaves them, nearest first, in
   * `hitPos` / `hitH`; returns how many. Widening boxes over the kd-tree: every station within r km lies in
   * the box that spans r km north, south, east and west of the query (east–west: the spherical cap's exact
   * longitude extent), so once `limit` matches lie within r they are the nearest `limit` of all. The scan
   * reads typed arrays by list position, compares haversines (no arcsine until the answer's distances) and
   * allocates nothing per station: on a loaded server, allocation is what a request's time goes to.
   */
  private search(q: NearbyQuery, at: Date): number {
    if (this.hitPos.length < q.limit) {
      this.hitPos = new Int32Array(q.limit);
      this.hitH = new Float64Array(q.limit);
    }
    const need = filterMask(q.amenities);
    const maxKm = q.within / 1000;
    const cosQ = Math.cos(q.lat * rad);
    let r = Math.min(this.firstRadius(q, need, cosQ), maxKm);
    for (;;) {
      const matches = this.nearestWithin(q, at, need, r, cosQ);
      if (matches >= q.limit || r >= maxKm) return Math.min(matches, q.limit);
      // Widen by the area the missing matches need at the density seen so far, by 1.3 to 2.5 times; twice when
      // none was seen (no density to go by). Steeper steps cost more than they save: with steps of 2 to 8
      // times, a query in a lake beside a city jumped from 1 km to 29 km and walked a thousand stations for
      // its ten. Over the bench's queries: 239 stations walked a query before, 160 with these steps and the
      // first guess (`firstRadius`).
      r = Math.min(maxKm, r * (matches === 0 ? 2 : Math.min(2.5, Math.max(1.3, 1.2 * Math.sqrt(q.limit / matches)))));
    }
  }

  /**
   * The first box's radius (km): where the stations near the query (the density grid's window) would put
   * the `limit` nearest matches, with a third to spare, so that most searches take one box and the box holds
   * not many more stations than the answer needs (a box twice too wide walks four times the stations).
   * "Open now" counts half the matches open. A guess only: `search` widens the box until the answer is sure.
   */
  private firstRadius(q: NearbyQuery, need: number, cosQ: number): number {
    const { gridCell, gridCols, gridRows, gridCounts } = this;
    if (gridCols === 0) return firstRadiusKm;
    const col = Math.floor((q.lng - this.minLng) / gridCell);
    const row = Math.floor((q.lat - this.minLat) / gridCell);
    let count = 0;
    for (let r = Math.max(0, row - gridWindow); r <= Math.min(gridRows - 1, row + gridWindow); r++) {
      for (let c = Math.max(0, col - gridWindow); c <= Math.min(gridCols - 1, col + gridWindow); c++) count += gridCounts[r * gridCols + c]!;
    }
    if (count === 0) return firstRadiusKm;
    const side = (2 * gridWindow + 1) * gridCell * rad * earthKm;
    const perKm2 = count / (side * side * cosQ);
    const wanted = (q.limit * 1.3 * (q.openNow ? 2 : 1)) / this.shareWith(need);
    return Math.sqrt(wanted / (Math.PI * perKm2));
  }

  /** The share of all stations that have the amenities of `need` (counted once per mask until the index changes). */
  private shareWith(need: number): number {
    let share = this.shares.get(need);
    if (share === undefined) {
      let n = 0;
      for (const m of this.masks) if ((m & need) === need) n++;
      share = Math.max(n, 1) / Math.max(this.masks.length, 1);
      this.shares.set(need, share);
    }
    return share;
  }

  /**
   * One box of `search`: keeps the nearest `limit` matches within r km in `hitPos` / `hitH` (ties by list
   * position) and returns how many matches it saw, or at least `limit` once that many are kept.
   */
  private nearestWithin(q: NearbyQuery, at: Date, need: number, r: number, cosQ: number): number {
    const delta = r / earthKm; // the radius as an angle
    const dLat = delta / rad;
    const sinLng = Math.sin(delta) / cosQ;
    const dLng = sinLng >= 1 ? 180 : Math.asin(sinLng) / rad;
    const hMax = haverSin(delta);
    const { masks, lats, lngs, cosLats, hitPos, hitH } = this;
    const limit = q.limit;
    let kept = 0;
    let matches = 0;
    const ids = this.index.range(q.lng - dLng, q.lat - dLat, q.lng + dLng, q.lat + dLat);
    for (let k = 0; k < ids.length; k++) {
      const i = ids[k]!;
      if ((masks[i]! & need) !== need) continue;
      const h = haverSin((lats[i]! - q.lat) * rad) + cosQ * cosLats[i]! * haverSin((lngs[i]! - q.lng) * rad);
      if (h > hMax) continue;
      // Once `limit` are kept, one that would not displace the last is never asked its state.
      if (kept === limit && !(h < hitH[limit - 1]! || (h === hitH[limit - 1]! && i < hitPos[limit - 1]!))) continue;
      if (q.openNow && this.codeOf(i, at) !== OPEN) continue;
      matches++;
      let j = kept < limit ? kept++ : limit - 1;
      while (j > 0 && (hitH[j - 1]! > h || (hitH[j - 1]! === h && hitPos[j - 1]! > i))) {
        hitH[j] = hitH[j - 1]!;
        hitPos[j] = hitPos[j - 1]!;
        j--;
      }
      hitH[j] = h;
      hitPos[j] = i;
    }
    return matches;
  }

  /**
   * State code of the station at list position i, memoized per hours string over the span its answer holds;
   * its next change (as JSON) and 调休 flag are left in `lastNext` / `lastMakeUp` (no object per candidate).
   */
  private codeOf(i: number, at: Date): number {
    if (!this.plain[i]) {
      const st = stationState(this.hours, this.list[i] as FinderStation, at);
      this.lastNext = st.nextChange ? `"${st.nextChange.toISOString()}"` : "null";
      this.lastMakeUp = st.makeUpWorkday === true;
      return codeOfState(st);
    }
    const h = this.hoursOf[i]!;
    const t = at.getTime();
    if (!(this.memoFrom[h]! <= t && t < this.memoUntil[h]!)) {
      const st = this.hours.stateAt(this.hoursText[h]!, at);
      this.memoFrom[h] = st.heldFrom ?? t;
      this.memoUntil[h] = st.heldUntil ?? t;
      this.memoState[h] = codeOfState(st);
      this.memoNext[h] = st.nextChange ? `"${st.nextChange.toISOString()}"` : "null";
      this.memoMakeUp[h] = st.makeUpWorkday ? 1 : 0;
    }
    this.lastNext = this.memoNext[h]!;
    this.lastMakeUp = this.memoMakeUp[h] === 1;
    return this.memoState[h]!;
  }

  /** After each rebuild: counts the stations per cell of the density grid and forgets the amenity shares (`firstRadius`). */
  private buildGrid(): void {
    const n = this.list.length;
    this.shares = new Map();
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (let i = 0; i < n; i++) {
      minLng = Math.min(minLng, this.lngs[i]!);
      minLat = Math.min(minLat, this.lats[i]!);
      maxLng = Math.max(maxLng, this.lngs[i]!);
      maxLat = Math.max(maxLat, this.lats[i]!);
    }
    if (n === 0) {
      this.gridCols = this.gridRows = 0;
      return;
    }
    const cell = Math.max(gridCellMin, Math.sqrt(((maxLng - minLng) * (maxLat - minLat)) / gridCellsMax));
    const cols = Math.floor((maxLng - minLng) / cell) + 1;
    const rows = Math.floor((maxLat - minLat) / cell) + 1;
    const counts = new Int32Array(cols * rows);
    for (let i = 0; i < n; i++) counts[Math.floor((this.lats[i]! - minLat) / cell) * cols + Math.floor((this.lngs[i]! - minLng) / cell)]!++;
    this.minLng = minLng;
    this.minLat = minLat;
    this.gridCell = cell;
    this.gridCols = cols;
    this.gridRows = rows;
    this.gridCounts = counts;
  }

  /** Indexes `list` (every station of `byId`, once, in memory order). */
  private rebuild(list: FinderStation[]): void {
    this.list = list;
    const n = list.length;
    // Small leaves: a box of a few dozen stations visits few points outside it (default 64).
    const index = new KDBush(n, 16);
    this.masks = new Int32Array(n);
    this.lngs = new Float64Array(n);
    this.lats = new Float64Array(n);
    this.cosLats = new Float64Array(n);
    this.hoursOf = new Int32Array(n);
    this.plain = new Uint8Array(n);
    this.locked = new Uint8Array(n);
    this.headStart = new Int32Array(n + 1);
    this.positionOf = new Map();
    this.hoursText = [];
    this.hoursNumber = new Map();
    for (const [i, s] of this.list.entries()) {
      index.add(s.lng, s.lat);
      this.masks[i] = s.amenityMask;
      this.lngs[i] = s.lng;
      this.lats[i] = s.lat;
      this.cosLats[i] = Math.cos(s.lat * rad);
      let h = this.hoursNumber.get(s.openingHours);
      if (h === undefined) {
        h = this.hoursText.push(s.openingHours) - 1;
        this.hoursNumber.set(s.openingHours, h);
      }
      this.hoursOf[i] = h;
      this.plain[i] = s.status === "open" ? 1 : 0;
      this.locked[i] = s.lockReported ? 1 : 0;
      this.positionOf.set(s.id, i);
      s.head ??= headOf(s);
      this.headStart[i + 1] = this.headStart[i]! + s.head.length;
    }
    this.heads = Buffer.concat(this.list.map((s) => s.head as Buffer), this.headStart[n]);
    this.index = index.finish();
    this.buildGrid();
    const m = this.hoursText.length;
    this.memoState = new Uint8Array(m);
    this.memoMakeUp = new Uint8Array(m);
    this.memoNext = new Array<string>(m).fill("null");
    // An empty span (from > until) until first asked.
    this.memoFrom = new Float64Array(m).fill(Infinity);
    this.memoUntil = new Float64Array(m).fill(-Infinity);
  }
}

/** A station's answer item up to the state's value: `{`, its lean fixed fields but the lock flag, `,"state":"` — as UTF-8. */
function headOf(s: FinderStation): Buffer {
  const { lockReported: _changes, ...fixed } = leanOf(s);
  return Buffer.from(`${JSON.stringify(fixed).slice(0, -1)},"state":"`);
}

function codeOfState(st: HoursState): number {
  return st.state === "open" ? OPEN : st.state === "closed" ? CLOSED : UNKNOWN;
}
