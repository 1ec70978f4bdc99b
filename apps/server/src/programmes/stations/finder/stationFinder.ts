import { amenityKeys, chinaDayOf, chinaMidnight, nextDay, type AmenityFilterKey, type NearbyQuery, type NearbyStation, type OpenState, type PublicStation } from "@jiangxin/domain";
import { HoursCache, type HoursState } from "./openingHours";

/** A station as the finder keeps it: the public fields plus what filtering needs, precomputed. */
export type FinderStation = Omit<PublicStation, "state" | "nextChange" | "makeUpWorkday"> & {
  amenityMask: number;
};

/** The fields of a finder answer that change only when the station is saved or its lock flag moves (`leanOf`). */
type LeanFixed = Omit<NearbyStation, "state" | "nextChange" | "makeUpWorkday" | "distanceM">;

/** The longest per-request part of an answer item (see `nearbyAnswer`), in bytes: 110, with room to spare. */
const longestTail = 128;
/** The answers' slab (`nearbyAnswer`): about 36 answers of 10 stations. */
const slabSize = 256 * 1024;
/** An answer's text around its instant: `{"at":"…","items":[`. */
const answerOpening = '{"at":"';
const answerItems = '","items":[';

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
/** The first box's half-width where the grid sees no station near the query. */
const firstRadiusKm = 1;
/** The grid's cells: at least this wide (degrees, about 1 km), and at most this many over the stations' box. */
const cellMin = 0.01;
const cellsMax = 262_144;
/** The half-width (degrees, about 5 km) of the window around the query whose stations `firstRadius` counts. */
const densityWindowDeg = 0.05;

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
 * The public finder's in-memory index: answering costs no database query. The server loads it at start
 * and replaces one station whenever staff save it; the index over 20,000 stations is rebuilt whole rather
 * than patched (a sort by grid cell and a few typed arrays: 40–110 ms on this machine).
 *
 * The index is a grid of cells about 1 km wide over the stations' box, the stations sorted by cell, row by
 * row: a search box's stations are one contiguous run of the arrays per row of cells it spans, read in
 * memory order (a kd-tree's range search cost more per station: its walk, and an array of hits to read back).
 * What the scan reads lives in typed arrays by list position (amenity bit mask, coordinates as a point on
 * the unit sphere, opening-hours string number, "status decides nothing"); each distinct opening-hours string
 * is evaluated once per request (stations share few strings), and each station's fixed fields are UTF-8
 * JSON made once when it enters the index, so writing an answer is copying bytes.
 */
export class StationFinder {
  private list: FinderStation[] = [];
  private byId = new Map<string, FinderStation>();
  /** By list position (grid cell order, so that a box's stations sit together in memory): */
  private masks = new Int32Array(0);
  /** Coordinates (degrees): what the box test reads. */
  private lngs = new Float64Array(0);
  private lats = new Float64Array(0);
  /**
   * The station as a point on the unit sphere: the haversine of the distance is a quarter of the squared
   * chord between two such points, so the scan needs no sine per station (`nearestWithin`).
   */
  private xs = new Float64Array(0);
  private ys = new Float64Array(0);
  private zs = new Float64Array(0);
  /**
   * The grid: the stations' box's south-west corner, the cell's width (degrees), columns and rows, and where
   * each cell's stations start in the list, row by row (cols · rows + 1 offsets): the stations of cells
   * c0…c1 of a row are positions cellStart[row·cols + c0] up to cellStart[row·cols + c1 + 1].
   */
  private minLng = 0;
  private minLat = 0;
  private cell = cellMin;
  private cols = 0;
  private rows = 0;
  private cellStart = new Int32Array(1);
  private shares = new Map<number, number>();
  /** The last search's hits, nearest first: list position and haversine (see `search`). */
  private hitPos = new Int32Array(0);
  private hitH = new Float64Array(0);
  private hoursOf = new Int32Array(0);
  /** 1 when the station's status is open, so its hours alone decide its state. */
  private plain = new Uint8Array(0);
  /** 1 while a lock report waits for the county's answer. */
  private locked = new Uint8Array(0);
  /**
   * Each station's answer item up to the state's value, as UTF-8 bytes (`headOf`), by list position; and by
   * record, so a rebuild makes bytes only for records it has not seen. Kept beside the record, not on it: an
   * edit made by spreading a record would otherwise carry the old record's bytes.
   */
  private heads: Buffer[] = [];
  private headByRecord = new WeakMap<FinderStation, Buffer>();
  /** The answers' slab (`nearbyAnswer`) and how much of it is taken. */
  private slab = Buffer.alloc(0);
  private slabUsed = 0;
  /** The last answer's instant, and its ISO string. */
  private atMs = Number.NaN;
  private atIso = "";
  private positionOf = new Map<string, number>();
  private hoursText: string[] = [];
  private hoursNumber = new Map<string, number>();
  /**
   * The last answer per hours number — state code, next change (ms), 调休 flag — and the span [from, until)
   * (ms) it holds for (`HoursState.heldFrom`): requests for "now" all fall in it, so the hours are read
   * again only when the state changes or the day turns.
   */
  private memoState = new Uint8Array(0);
  private memoMakeUp = new Uint8Array(0);
  private memoNextMs = new Float64Array(0);
  private memoFrom = new Float64Array(0);
  private memoUntil = new Float64Array(0);
  /** What the last `codeOf` call found besides the state: next change (ms, NaN for none), and the 调休 flag. */
  private lastNextMs = Number.NaN;
  private lastMakeUp = false;
  /** Next-change instants as JSON bytes, by ms: the stations of an answer share a few (`nextJson`). */
  private nextJsonOf = new Map<number, Buffer>();
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
    this.rebuild([...this.byId.values()]);
  }

  /** A saved station (removed ones leave the index). */
  put(station: FinderStation): void {
    this.putMany([station], []);
  }

  /** Several stations re-read at once, and ids no longer in the database: one rebuild. */
  putMany(stations: readonly FinderStation[], gone: readonly string[]): void {
    this.changes++;
    for (const station of stations) {
      if (station.status === "removed") this.byId.delete(station.id);
      else this.byId.set(station.id, station);
    }
    for (const id of gone) this.byId.delete(id);
    this.rebuild([...this.byId.values()]);
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
    const { amenityMask: _mask, ...rest } = s;
    return { ...rest, state: st.state, nextChange: st.nextChange?.toISOString() ?? null, ...(st.makeUpWorkday ? { makeUpWorkday: true } : {}) };
  }

  /** The answer as objects (what `nearbyAnswer` spells). */
  nearby(q: NearbyQuery, at: Date): NearbyStation[] {
    const out: NearbyStation[] = [];
    const count = this.search(q, at);
    for (let k = 0; k < count; k++) {
      const s = this.list[this.hitPos[k]!] as FinderStation;
      const code = this.codeOf(this.hitPos[k]!, at);
      const next = this.lastNextMs;
      out.push({ ...leanOf(s), state: stateName[code] ?? "unknown", nextChange: Number.isNaN(next) ? null : new Date(next).toISOString(), ...(this.lastMakeUp ? { makeUpWorkday: true } : {}), distanceM: this.distanceM(k) });
    }
    return out;
  }

  /**
   * The same answer as the UTF-8 JSON bytes the route sends. Each station's fixed part is bytes made once
   * (`heads`); what changes per request (state, next change, lock flag) is copied from bytes made once for
   * each of its values, and the distance's digits are put one by one. A string answer cost the route more than the search: its Chinese names made it a two-byte string that
   * was flattened, measured for Content-Length and encoded to UTF-8 again on every request.
   *
   * Answers are cut from a slab of 256 KB, as Node cuts small buffers from its pool: a new buffer of an
   * answer's size (over Node's pooled sizes) cost as much as writing it. A slab is never written again once
   * an answer is cut from it; when it is full the next answer starts a new one, and the old one is freed
   * with the last answer that points into it.
   */
  nearbyAnswer(q: NearbyQuery, at: Date): Buffer {
    const count = this.search(q, at);
    if (at.getTime() !== this.atMs) [this.atMs, this.atIso] = [at.getTime(), at.toISOString()];
    let size = answerOpening.length + this.atIso.length + answerItems.length + count * (longestTail + 1) + 2;
    for (let k = 0; k < count; k++) size += this.heads[this.hitPos[k]!]!.length;
    if (this.slabUsed + size > this.slab.length) [this.slab, this.slabUsed] = [Buffer.allocUnsafe(Math.max(slabSize, size)), 0];
    const out = this.slab;
    const start = this.slabUsed;
    let pos = putAscii(out, start, answerOpening);
    pos = putAscii(out, pos, this.atIso);
    pos = putAscii(out, pos, answerItems);
    for (let k = 0; k < count; k++) {
      const i = this.hitPos[k]!;
      const code = this.codeOf(i, at);
      if (k > 0) out[pos++] = 0x2c; // ,
      pos = putBytes(out, pos, this.heads[i]!);
      pos = putBytes(out, pos, stateTail[code]!);
      pos = putBytes(out, pos, this.nextJson(this.lastNextMs));
      if (this.lastMakeUp) pos = putBytes(out, pos, makeUpTail);
      pos = putBytes(out, pos, this.locked[i] ? lockedTail : unlockedTail);
      pos = putInt(out, pos, this.distanceM(k));
      out[pos++] = 0x7d; // }
    }
    out[pos++] = 0x5d; // ]
    out[pos++] = 0x7d; // }
    this.slabUsed = pos;
    return out.subarray(start, pos);
  }

  /** A next change as JSON bytes: `null`, or the instant's ISO string in quotes. */
  private nextJson(ms: number): Buffer {
    if (Number.isNaN(ms)) return nullJson;
    let json = this.nextJsonOf.get(ms);
    if (json === undefined) {
      if (this.nextJsonOf.size > 10_000) this.nextJsonOf.clear();
      this.nextJsonOf.set(ms, (json = Buffer.from(`"${new Date(ms).toISOString()}"`, "latin1")));
    }
    return json;
  }

  /** The k-th hit's great-circle distance in metres, from its haversine. */
  private distanceM(k: number): number {
    return Math.round(2 * earthKm * Math.asin(Math.sqrt(this.hitH[k]!)) * 1000);
  }

  /**
   * Finds the `limit` nearest matching stations within `within` metres and leaves them, nearest first, in
   * `hitPos` / `hitH`; returns how many. Widening boxes over the grid: every station within r km lies in
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
      // its ten. Over the bench's queries (on the kd-tree index these steps were chosen with): 239 stations walked
      // a query before, 160 with these steps and the first guess (`firstRadius`).
      r = Math.min(maxKm, r * (matches === 0 ? 2 : Math.min(2.5, Math.max(1.3, 1.2 * Math.sqrt(q.limit / matches)))));
    }
  }

  /**
   * The first box's radius (km): where the stations near the query (the grid's cells within about 5 km)
   * would put the `limit` nearest matches, with a third to spare, so that most searches take one box and
   * the box holds not many more stations than the answer needs (a box twice too wide walks four times the
   * stations). "Open now" counts half the matches open. A guess only: `search` widens the box until the
   * answer is sure.
   */
  private firstRadius(q: NearbyQuery, need: number, cosQ: number): number {
    const { cell, cols, rows, cellStart } = this;
    if (cols === 0) return firstRadiusKm;
    const w = Math.max(1, Math.round(densityWindowDeg / cell));
    const col = Math.floor((q.lng - this.minLng) / cell);
    const row = Math.floor((q.lat - this.minLat) / cell);
    const c0 = Math.max(0, col - w);
    const c1 = Math.min(cols - 1, col + w);
    let count = 0;
    if (c0 <= c1) {
      for (let r = Math.max(0, row - w); r <= Math.min(rows - 1, row + w); r++) count += cellStart[r * cols + c1 + 1]! - cellStart[r * cols + c0]!;
    }
    if (count === 0) return firstRadiusKm;
    const side = (2 * w + 1) * cell * rad * earthKm;
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
    const [west, east, south, north] = [q.lng - dLng, q.lng + dLng, q.lat - dLat, q.lat + dLat];
    const { masks, lats, lngs, xs, ys, zs, hitPos, hitH, cell, cols, cellStart } = this;
    const c0 = Math.max(0, Math.floor((west - this.minLng) / cell));
    const c1 = Math.min(cols - 1, Math.floor((east - this.minLng) / cell));
    const r0 = Math.max(0, Math.floor((south - this.minLat) / cell));
    const r1 = Math.min(this.rows - 1, Math.floor((north - this.minLat) / cell));
    const qLat = q.lat * rad;
    const qLng = q.lng * rad;
    const [qx, qy, qz] = [Math.cos(qLat) * Math.cos(qLng), Math.cos(qLat) * Math.sin(qLng), Math.sin(qLat)];
    const limit = q.limit;
    let kept = 0;
    let matches = 0;
    for (let row = r0; c0 <= c1 && row <= r1; row++) {
      const end = cellStart[row * cols + c1 + 1]!;
      for (let i = cellStart[row * cols + c0]!; i < end; i++) {
        if ((masks[i]! & need) !== need) continue;
        const lng = lngs[i]!;
        const lat = lats[i]!;
        if (lng < west || lng > east || lat < south || lat > north) continue;
        const dx = xs[i]! - qx;
        const dy = ys[i]! - qy;
        const dz = zs[i]! - qz;
        const h = (dx * dx + dy * dy + dz * dz) / 4;
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
    }
    return matches;
  }

  /**
   * State code of the station at list position i, memoized per hours string over the span its answer holds;
   * its next change and 调休 flag are left in `lastNextMs` / `lastMakeUp` (no object per candidate).
   */
  private codeOf(i: number, at: Date): number {
    if (!this.plain[i]) {
      const st = stationState(this.hours, this.list[i] as FinderStation, at);
      this.lastNextMs = st.nextChange ? st.nextChange.getTime() : Number.NaN;
      this.lastMakeUp = st.makeUpWorkday === true;
      return codeOfState(st.state);
    }
    const h = this.hoursOf[i]!;
    const t = at.getTime();
    if (!(this.memoFrom[h]! <= t && t < this.memoUntil[h]!)) {
      const r = this.hours.read(this.hoursText[h]!, t);
      this.memoFrom[h] = r.from;
      this.memoUntil[h] = r.until;
      this.memoState[h] = codeOfState(r.state);
      this.memoNextMs[h] = r.nextMs;
      this.memoMakeUp[h] = r.makeUp ? 1 : 0;
    }
    this.lastNextMs = this.memoNextMs[h]!;
    this.lastMakeUp = this.memoMakeUp[h] === 1;
    return this.memoState[h]!;
  }

  /** Indexes the stations of `byId`: sorts them by grid cell (`cellStart`) and fills the typed arrays. */
  private rebuild(stations: FinderStation[]): void {
    const n = stations.length;
    let [minLng, minLat, maxLng, maxLat] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const s of stations) {
      minLng = Math.min(minLng, s.lng);
      minLat = Math.min(minLat, s.lat);
      maxLng = Math.max(maxLng, s.lng);
      maxLat = Math.max(maxLat, s.lat);
    }
    const cell = n === 0 ? cellMin : Math.max(cellMin, Math.sqrt(((maxLng - minLng) * (maxLat - minLat)) / cellsMax));
    const cols = n === 0 ? 0 : Math.floor((maxLng - minLng) / cell) + 1;
    const rows = n === 0 ? 0 : Math.floor((maxLat - minLat) / cell) + 1;
    // A counting sort by cell: the stations of one cell keep the order they came in.
    const cellOf = Int32Array.from(stations, (s) => Math.floor((s.lat - minLat) / cell) * cols + Math.floor((s.lng - minLng) / cell));
    const cellStart = new Int32Array(cols * rows + 1);
    for (const c of cellOf) cellStart[c + 1]!++;
    for (let c = 0; c < cols * rows; c++) cellStart[c + 1]! += cellStart[c]!;
    const list = new Array<FinderStation>(n);
    const next = cellStart.slice(0, cols * rows);
    for (const [k, s] of stations.entries()) list[next[cellOf[k]!]!++] = s;
    this.list = list;
    [this.minLng, this.minLat, this.cell, this.cols, this.rows, this.cellStart] = [minLng, minLat, cell, cols, rows, cellStart];
    this.shares = new Map();
    this.masks = new Int32Array(n);
    this.lngs = new Float64Array(n);
    this.lats = new Float64Array(n);
    this.xs = new Float64Array(n);
    this.ys = new Float64Array(n);
    this.zs = new Float64Array(n);
    this.hoursOf = new Int32Array(n);
    this.plain = new Uint8Array(n);
    this.locked = new Uint8Array(n);
    this.positionOf = new Map();
    this.hoursText = [];
    this.hoursNumber = new Map();
    for (const [i, s] of list.entries()) {
      this.masks[i] = s.amenityMask;
      this.lngs[i] = s.lng;
      this.lats[i] = s.lat;
      const [lat, lng] = [s.lat * rad, s.lng * rad];
      this.xs[i] = Math.cos(lat) * Math.cos(lng);
      this.ys[i] = Math.cos(lat) * Math.sin(lng);
      this.zs[i] = Math.sin(lat);
      let h = this.hoursNumber.get(s.openingHours);
      if (h === undefined) {
        h = this.hoursText.push(s.openingHours) - 1;
        this.hoursNumber.set(s.openingHours, h);
      }
      this.hoursOf[i] = h;
      this.plain[i] = s.status === "open" ? 1 : 0;
      this.locked[i] = s.lockReported ? 1 : 0;
      this.positionOf.set(s.id, i);
    }
    this.heads = list.map((s) => {
      let head = this.headByRecord.get(s);
      if (!head) this.headByRecord.set(s, (head = headOf(s)));
      return head;
    });
    const m = this.hoursText.length;
    this.memoState = new Uint8Array(m);
    this.memoMakeUp = new Uint8Array(m);
    this.memoNextMs = new Float64Array(m).fill(Number.NaN);
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

function codeOfState(state: OpenState): number {
  return state === "open" ? OPEN : state === "closed" ? CLOSED : UNKNOWN;
}

/**
 * The answer item's text after the station's fixed part, as bytes made once (`nearbyAnswer`): each state
 * code's value up to the next change's key, the 调休 flag, the lock flag up to the distance's key. Copying
 * bytes cost a quarter of putting a string's characters one by one.
 */
const stateTail: readonly Buffer[] = stateName.map((name) => Buffer.from(`${name}","nextChange":`, "latin1"));
const nullJson = Buffer.from("null", "latin1");
const makeUpTail = Buffer.from(',"makeUpWorkday":true', "latin1");
const lockedTail = Buffer.from(',"lockReported":true,"distanceM":', "latin1");
const unlockedTail = Buffer.from(',"lockReported":false,"distanceM":', "latin1");

/** Puts bytes at pos; returns the position after them. */
function putBytes(out: Uint8Array, pos: number, bytes: Uint8Array): number {
  out.set(bytes, pos);
  return pos + bytes.length;
}

/** Puts an ASCII string's bytes at pos; returns the position after them. */
function putAscii(out: Uint8Array, pos: number, text: string): number {
  for (let j = 0; j < text.length; j++) out[pos + j] = text.charCodeAt(j);
  return pos + text.length;
}

/** Puts a non-negative integer's decimal digits at pos; returns the position after them. */
function putInt(out: Uint8Array, pos: number, n: number): number {
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  for (let j = digits - 1; j >= 0; j--) {
    out[pos + j] = 0x30 + (n % 10);
    n = Math.floor(n / 10);
  }
  return pos + digits;
}
