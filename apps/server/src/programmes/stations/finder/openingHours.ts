import { addDays, chinaDayOf, chinaHolidayOn, chinaMidnight, daysBetween, isChinaMakeUpWorkday, type OpenState } from "@jiangxin/domain";
import OpeningHours from "opening_hours";

/**
 * Opening hours in OpenStreetMap syntax, evaluated in China time (country "cn", no Nominatim call: the
 * location is given, not looked up). "PH" means the days off of the State Council's yearly notice (the
 * domain's `chinaPublicHolidays`), not the package's table for cn, which lacks 春节/清明/端午/中秋 and counts
 * 8 Mar, 4 May and 1 Jun as days off: see `HoursCache` below for how the two are reconciled.
 *
 * 调休: on the notice's make-up working days (a Saturday or Sunday worked) a station is read as on an
 * ordinary working day, because its host (a union office, a bank, a post office) works that day like any
 * weekday, and "Mo-Fr 09:00-18:00" shown as closed on such a Saturday sends riders away from an open door.
 * The package has no notion of make-up days, so that day's intervals are the package's for a reference
 * day, moved onto it: the nearest Wednesday that is an ordinary working day (see `referenceWorkday`).
 */
const zhejiang = { lat: 30.27, lon: 120.15, address: { country_code: "cn", state: "浙江省" } };
/** A location whose holiday table has none of the package's cn-only dates below (8 Mar, 4 May, 1 Jun). */
const newYork = { lat: 40.71, lon: -74.0, address: { country_code: "us", state: "New York" } };
/** The package's PH dates for cn (opening_hours 3.x, checked): MM-DD. */
const packageCnHolidays = new Set(["01-01", "03-08", "05-01", "05-04", "06-01", "10-01", "10-02", "10-03"]);
const mentionsPH = /\bPH\b/;

export type ParsedHours = { ok: true; value: OpeningHours; normalised: string } | { ok: false; message: string };

/** Parses a value; the message names what the parser stopped at, in Chinese. */
export function parseOpeningHours(value: string): ParsedHours {
  const trimmed = value.trim();
  if (trimmed === "") return { ok: false, message: "请填写开放时间" };
  try {
    const oh = new OpeningHours(trimmed, zhejiang);
    return { ok: true, value: oh, normalised: trimmed };
  } catch (e) {
    // The package says where it stopped ("Mo-Fr 25:00 <--- (Time range starts …)") and why, in English only:
    // the place is kept, the English reason is not shown to users who read Chinese.
    const detail = String(e instanceof Error ? e.message : e).split("\n")[0] ?? "";
    const stoppedAt = detail.includes("<---") ? detail.split("<---")[0]?.trim().slice(-40) : undefined;
    const where = stoppedAt ? `(错在“${stoppedAt}”处)` : "";
    return { ok: false, message: `开放时间无法识别${where}，请按 OpenStreetMap 格式填写，如“Mo-Fr 08:00-20:00; Sa,Su 09:00-17:00; PH off”或“24/7”` };
  }
}

/** Whether a parsed value is open around the clock (every minute of the coming fortnight, holidays included). */
export function isAroundTheClock(oh: OpeningHours, now: Date): boolean {
  const from = toWall(now);
  const to = toWall(new Date(now.getTime() + 14 * 86_400_000));
  const [open, unknown] = oh.getOpenDuration(from, to);
  return unknown === 0 && open >= to.getTime() - from.getTime();
}

// opening_hours reads a Date's local fields. The server's own time zone is whatever the host says, so an
// instant is turned into a Date whose local fields are China's wall clock, and results back.
const chinaOffsetMs = 8 * 3_600_000;
export function toWall(instant: Date): Date {
  const c = new Date(instant.getTime() + chinaOffsetMs);
  return new Date(c.getUTCFullYear(), c.getUTCMonth(), c.getUTCDate(), c.getUTCHours(), c.getUTCMinutes(), c.getUTCSeconds(), c.getUTCMilliseconds());
}
export function fromWall(wall: Date): Date {
  return new Date(Date.UTC(wall.getFullYear(), wall.getMonth(), wall.getDate(), wall.getHours(), wall.getMinutes(), wall.getSeconds(), wall.getMilliseconds()) - chinaOffsetMs);
}

type Window = { from: number; to: number; starts: Float64Array; ends: Float64Array; unknown: Uint8Array; /** [from, to) of each 调休 day whose reading changed, as instants. */ makeUp: number[] };
/**
 * `makeUpWorkday`: the instant is on a 调休 working day and the station's hours were read as a working day's
 * (which changed them). `heldFrom` / `heldUntil` (ms, from `HoursCache.stateAt` only): the span around the
 * instant, within its China day, over which the answer is the same — a caller may reuse it for any instant in it.
 */
export type HoursState = { state: OpenState; nextChange: Date | null; makeUpWorkday?: true; heldFrom?: number; heldUntil?: number };
/** `HoursState` as `HoursCache.read` leaves it: `nextMs` NaN for no next change; [from, until) as `heldFrom` / `heldUntil`. */
export type HoursReading = { state: OpenState; nextMs: number; from: number; until: number; makeUp: boolean };

/**
 * Answers "open at t, and until when" for many stations fast. Stations share few distinct strings, so the
 * open intervals are computed once per string per ten-day window (from the day before t) and a lookup is
 * a binary search: the finder evaluates hundreds of stations per request without calling the parser.
 */
export class HoursCache {
  private readonly parsed = new Map<string, Hours | null>();
  /** Per hours string, its windows by the China day number of the instants they serve (the window starts the day before). */
  private readonly windows = new Map<string, Map<number, Window>>();
  private windowCount = 0;
  private static readonly maxWindows = 20_000;
  private readonly reading: HoursReading = { state: "unknown", nextMs: Number.NaN, from: 0, until: 0, makeUp: false };

  /** The state at an instant, as an object (the station page, a paused station, tests); the finder's scan reads `read`. */
  stateAt(value: string, at: Date): HoursState {
    const r = this.read(value, at.getTime());
    const st: HoursState = { state: r.state, nextChange: Number.isNaN(r.nextMs) ? null : new Date(r.nextMs), heldFrom: r.from, heldUntil: r.until };
    if (r.makeUp) st.makeUpWorkday = true;
    return st;
  }

  /**
   * The state at instant t (ms) into `reading`, which every call reuses: the finder asks this for each hours
   * string of every query at a time of its own, and an object and a Date per answer are garbage a loaded
   * server's collector pays for.
   */
  read(value: string, t: number): HoursReading {
    // The China day as a number, not a date string: making "2026-12-03" (and the day before it) on every
    // call was most of the call's cost.
    const dayNumber = Math.floor((t + chinaOffsetMs) / 86_400_000);
    let byDay = this.windows.get(value);
    let w = byDay?.get(dayNumber);
    if (!w) {
      const hours = this.parse(value);
      if (!hours) {
        const r = this.reading;
        r.state = "unknown";
        r.nextMs = Number.NaN;
        r.from = dayNumber * 86_400_000 - chinaOffsetMs;
        r.until = r.from + 86_400_000;
        r.makeUp = false;
        return r;
      }
      if (this.windowCount >= HoursCache.maxWindows) {
        this.windows.clear();
        this.windowCount = 0;
        byDay = undefined;
      }
      if (!byDay) this.windows.set(value, (byDay = new Map<number, Window>()));
      const start = addDays(chinaDayOf(new Date(t)), -1);
      w = this.window(hours, start, addDays(start, 10));
      byDay.set(dayNumber, w);
      this.windowCount++;
    }
    return lookup(w, t, this.reading);
  }

  private parse(value: string): Hours | null {
    let hours = this.parsed.get(value);
    if (hours === undefined) {
      const p = value.trim() === "" ? null : parseOpeningHours(value);
      hours = p && p.ok ? hoursOf(value, p.value) : null;
      this.parsed.set(value, hours);
    }
    return hours;
  }

  private window(hours: Hours, fromDay: string, toDay: string): Window {
    // The open intervals, in runs of days read alike: one call for a run of days on which the package's own
    // reading holds (the whole window when the value never says PH and no 调休 day falls in it), a day of
    // its own where the variant whose idea of "PH" matches the notice differs, and on a 调休 day the
    // reference working day's intervals moved onto it.
    const raw: [Date, Date, boolean][] = [];
    const makeUp: number[] = [];
    let runFrom: string | null = null;
    const flush = (until: string) => {
      if (runFrom !== null) raw.push(...intervals(hours.cn, chinaMidnight(runFrom), chinaMidnight(until)));
      runFrom = null;
    };
    for (let d = fromDay; d < toDay; d = addDays(d, 1)) {
      const own = variantFor(hours, d);
      if (isChinaMakeUpWorkday(d)) {
        flush(d);
        const asWorkday = dayIntervals(hours, referenceWorkday(d), d);
        const asItself = intervals(own, chinaMidnight(d), chinaMidnight(addDays(d, 1)));
        raw.push(...asWorkday);
        if (!sameIntervals(asWorkday, asItself)) makeUp.push(chinaMidnight(d).getTime(), chinaMidnight(addDays(d, 1)).getTime());
      } else if (own === hours.cn) runFrom ??= d;
      else {
        flush(d);
        raw.push(...intervals(own, chinaMidnight(d), chinaMidnight(addDays(d, 1))));
      }
    }
    flush(toDay);
    // Adjacent intervals of the same kind are one (a rule boundary at midnight is no change for a visitor).
    const merged: { s: number; e: number; u: boolean }[] = [];
    for (const [s, e, u] of raw) {
      const si = s.getTime();
      const ei = e.getTime();
      const last = merged.at(-1);
      if (last && last.e === si && last.u === u) last.e = ei;
      else merged.push({ s: si, e: ei, u });
    }
    return {
      from: chinaMidnight(fromDay).getTime(),
      to: chinaMidnight(toDay).getTime(),
      starts: Float64Array.from(merged.map((m) => m.s)),
      ends: Float64Array.from(merged.map((m) => m.e)),
      unknown: Uint8Array.from(merged.map((m) => (m.u ? 1 : 0))),
      makeUp,
    };
  }
}

/**
 * The day whose reading a 调休 working day borrows: the nearest Wednesday (same week first) that is an
 * ordinary working day — not a day off in the notice nor in the package's own table. The notice names no
 * weekday a make-up day stands for, so one is chosen: Wednesday, because the two weekday rules common in
 * posted hours sit at the week's ends (closed on Monday, as halls that open at weekends are; shorter on
 * Friday), and a mid-week day reads neither of them onto a Saturday. The package's reading of that
 * Wednesday (its month, its week number) is then the nearest an ordinary day can be.
 */
export function referenceWorkday(day: string): string {
  const mondayBased = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const wednesday = addDays(day, 2 - mondayBased);
  const candidates = [0, 7, -7, 14, -14, 21, -21, 28, -28].map((k) => addDays(wednesday, k)).sort((a, b) => Math.abs(daysBetween(day, a)) - Math.abs(daysBetween(day, b)));
  return candidates.find((c) => !chinaHolidayOn(c) && !packageCnHolidays.has(c.slice(5)) && !isChinaMakeUpWorkday(c)) ?? wednesday;
}

/** The intervals of `ref` (a whole day, read as that day is read), moved onto `onto`. */
function dayIntervals(hours: Hours, ref: string, onto: string): [Date, Date, boolean][] {
  const shift = daysBetween(ref, onto) * 86_400_000;
  return intervals(variantFor(hours, ref), chinaMidnight(ref), chinaMidnight(addDays(ref, 1))).map(([s, e, u]) => [new Date(s.getTime() + shift), new Date(e.getTime() + shift), u]);
}

function sameIntervals(a: [Date, Date, boolean][], b: [Date, Date, boolean][]): boolean {
  return a.length === b.length && a.every(([s, e, u], i) => s.getTime() === b[i]?.[0].getTime() && e.getTime() === b[i]?.[1].getTime() && u === b[i]?.[2]);
}

/**
 * A parsed value and, when it says PH, two variants: `always` (PH read as every day, "PH" → "Mo-Su") for
 * the notice's days off the package does not know, and `never` (the same value at a location whose table
 * lacks 8 Mar, 4 May and 1 Jun) for the package's cn dates that are not days off. A value whose PH cannot
 * be rewritten (e.g. "PH Mo-Fr", an intersection) keeps the package's reading on those days.
 */
type Hours = { cn: OpeningHours; ph: null | { always: OpeningHours | null; never: OpeningHours | null } };

function hoursOf(value: string, cn: OpeningHours): Hours {
  if (!mentionsPH.test(value)) return { cn, ph: null };
  const attempt = (make: () => OpeningHours) => {
    try {
      return make();
    } catch {
      return null;
    }
  };
  return { cn, ph: { always: attempt(() => new OpeningHours(value.trim().replace(/\bPH\b/g, "Mo-Su"), zhejiang)), never: attempt(() => new OpeningHours(value.trim(), newYork)) } };
}

function variantFor(hours: Hours, day: string): OpeningHours {
  const off = chinaHolidayOn(day);
  if (off === undefined || !hours.ph) return hours.cn;
  if (off) return hours.ph.always ?? hours.cn;
  return packageCnHolidays.has(day.slice(5)) ? (hours.ph.never ?? hours.cn) : hours.cn;
}

function intervals(oh: OpeningHours, from: Date, to: Date): [Date, Date, boolean][] {
  return oh.getOpenIntervals(toWall(from), toWall(to)).map(([s, e, u]) => [fromWall(s), fromWall(e), u] as [Date, Date, boolean]);
}

function lookup(w: Window, t: number, r: HoursReading): HoursReading {
  // The last interval starting at or before t.
  let lo = 0;
  let hi = w.starts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((w.starts[mid] ?? 0) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // No closure or object here: under tsx (how the server runs) each arrow made per call also gets its name set.
  // The answer holds from the interval's (or the gap's) start to its end, within t's China day: the window
  // (and with it a missing next change) is chosen by that day, and 调休 days are whole days.
  const dayStart = Math.floor((t + chinaOffsetMs) / 86_400_000) * 86_400_000 - chinaOffsetMs;
  if (found >= 0 && t < (w.ends[found] ?? 0)) {
    const end = w.ends[found] ?? w.to;
    r.state = w.unknown[found] ? "unknown" : "open";
    r.nextMs = end >= w.to ? Number.NaN : end;
    r.from = Math.max(w.starts[found] ?? 0, dayStart);
    r.until = Math.min(end, dayStart + 86_400_000);
  } else {
    const next = w.starts[found + 1];
    r.state = "closed";
    r.nextMs = next ?? Number.NaN;
    r.from = Math.max(found >= 0 ? (w.ends[found] ?? w.from) : w.from, dayStart);
    r.until = Math.min(next ?? w.to, dayStart + 86_400_000);
  }
  r.makeUp = false;
  for (let i = 0; i < w.makeUp.length; i += 2) if ((w.makeUp[i] ?? 0) <= t && t < (w.makeUp[i + 1] ?? 0)) r.makeUp = true;
  return r;
}
