import { amenityKeys, amenityLabels, chinaMidnight, nextDay, type AmenityFilterKey, type NearbyQuery, type NearbyStation, type PublicStation } from "@jiangxin/domain";
import { around, distance } from "geokdbush";
import KDBush from "kdbush";
import { HoursCache, type HoursState } from "./openingHours";

/** A station as the finder keeps it: the public fields plus what filtering needs, precomputed. */
export type FinderStation = Omit<PublicStation, "state" | "nextChange"> & { amenityMask: number; /** Its fixed fields as JSON, made on first use. */ json?: string };

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

/** What a station is at an instant: its status first (a paused station is closed whatever its hours say), then its hours. */
export function stationState(hours: HoursCache, s: Pick<FinderStation, "status" | "closedUntil" | "openingHours">, at: Date): HoursState {
  if (s.status === "removed") return { state: "closed", nextChange: null };
  if (s.status === "closed") {
    const reopen = s.closedUntil ? chinaMidnight(nextDay(s.closedUntil)) : null;
    if (!reopen) return { state: "closed", nextChange: null };
    if (at < reopen) {
      const then = hours.stateAt(s.openingHours, reopen);
      return { state: "closed", nextChange: then.state === "closed" ? then.nextChange : reopen };
    }
  }
  return hours.stateAt(s.openingHours, at);
}

export const amenityWithLabel = (a: { key: (typeof amenityKeys)[number] }) => amenityLabels[a.key];

/**
 * The public finder's in-memory index (kdbush + geokdbush): answering costs no database query. The
 * server loads it at start and replaces one station whenever staff save it; a rebuild of the kd-tree
 * for 20,000 points takes a few milliseconds, so it is rebuilt whole rather than patched.
 */
export class StationFinder {
  private list: FinderStation[] = [];
  private byId = new Map<string, FinderStation>();
  private index: KDBush = new KDBush(0).finish();
  readonly hours = new HoursCache();

  get size(): number {
    return this.list.length;
  }

  replaceAll(stations: readonly FinderStation[]): void {
    this.byId = new Map(stations.filter((s) => s.status !== "removed").map((s) => [s.id, s]));
    this.rebuild();
  }

  /** A saved station (removed ones leave the index). */
  put(station: FinderStation): void {
    if (station.status === "removed") this.byId.delete(station.id);
    else this.byId.set(station.id, station);
    this.rebuild();
  }

  /** A lock report opened or answered: the flag changes without a rebuild. */
  setLockReported(id: string, reported: boolean): void {
    const s = this.byId.get(id);
    if (s) {
      s.lockReported = reported;
      s.json = undefined;
    }
  }

  get(id: string, at: Date): PublicStation | undefined {
    const s = this.byId.get(id);
    return s ? this.publicOf(s, at) : undefined;
  }

  nearby(q: NearbyQuery, at: Date): NearbyStation[] {
    return this.search(q, at).map(({ s, distanceM }) => ({ ...this.publicOf(s, at), distanceM }));
  }

  /**
   * The same answer as `nearby`, as the JSON text the route sends: each station's unchanging fields are
   * serialized once (when it is saved) and only distance, state and next change are written per request.
   */
  nearbyJson(q: NearbyQuery, at: Date): string {
    const items = this.search(q, at).map(({ s, distanceM }) => {
      const st = stationState(this.hours, s, at);
      s.json ??= JSON.stringify(this.fixedOf(s)).slice(1, -1);
      return `{${s.json},"state":"${st.state}","nextChange":${st.nextChange ? `"${st.nextChange.toISOString()}"` : "null"},"distanceM":${distanceM}}`;
    });
    return `{"at":"${at.toISOString()}","items":[${items.join(",")}]}`;
  }

  private search(q: NearbyQuery, at: Date): { s: FinderStation; distanceM: number }[] {
    const need = filterMask(q.amenities);
    // One instant per request, few distinct opening-hours strings: each string's state is looked up once.
    const byHours = new Map<string, boolean>();
    const openAt = (s: FinderStation) => {
      if (s.status !== "open") return stationState(this.hours, s, at).state === "open";
      let open = byHours.get(s.openingHours);
      if (open === undefined) byHours.set(s.openingHours, (open = this.hours.stateAt(s.openingHours, at).state === "open"));
      return open;
    };
    const ids = around(this.index, q.lng, q.lat, q.limit, q.within / 1000, (i: number) => {
      const s = this.list[i];
      if (!s || (s.amenityMask & need) !== need) return false;
      return !q.openNow || openAt(s);
    });
    return ids.flatMap((i) => {
      const s = this.list[i];
      return s ? [{ s, distanceM: Math.round(distance(q.lng, q.lat, s.lng, s.lat) * 1000) }] : [];
    });
  }

  private fixedOf(s: FinderStation): Omit<PublicStation, "state" | "nextChange"> {
    const { amenityMask: _mask, json: _json, ...rest } = s;
    return rest;
  }

  private publicOf(s: FinderStation, at: Date): PublicStation {
    const st = stationState(this.hours, s, at);
    const rest = this.fixedOf(s);
    return { ...rest, state: st.state, nextChange: st.nextChange?.toISOString() ?? null };
  }

  private rebuild(): void {
    this.list = [...this.byId.values()];
    const index = new KDBush(this.list.length);
    for (const s of this.list) index.add(s.lng, s.lat);
    this.index = index.finish();
  }
}
