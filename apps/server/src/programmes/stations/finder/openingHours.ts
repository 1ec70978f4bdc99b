import { addDays, chinaDayOf, chinaMidnight, type OpenState } from "@jiangxin/domain";
import OpeningHours from "opening_hours";

/**
 * Opening hours in OpenStreetMap syntax, evaluated in China time with China's public holidays (the
 * package's built-in table, country "cn", no Nominatim call: the location is given, not looked up).
 */
const zhejiang = { lat: 30.27, lon: 120.15, address: { country_code: "cn", state: "浙江省" } };

export type ParsedHours = { ok: true; value: OpeningHours; normalised: string } | { ok: false; message: string };

/** Parses a value; the message names what the parser stopped at, in Chinese. */
export function parseOpeningHours(value: string): ParsedHours {
  const trimmed = value.trim();
  if (trimmed === "") return { ok: false, message: "请填写开放时间" };
  try {
    const oh = new OpeningHours(trimmed, zhejiang);
    return { ok: true, value: oh, normalised: trimmed };
  } catch (e) {
    const detail = String(e instanceof Error ? e.message : e).split("\n")[0]?.slice(0, 120) ?? "";
    return { ok: false, message: `开放时间无法识别，请按 OpenStreetMap 格式填写，如“Mo-Fr 08:00-20:00; Sa,Su 09:00-17:00; PH off”或“24/7”(${detail})` };
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

type Window = { from: number; to: number; starts: Float64Array; ends: Float64Array; unknown: Uint8Array };
export type HoursState = { state: OpenState; nextChange: Date | null };

/**
 * Answers "open at t, and until when" for many stations fast. Stations share few distinct strings, so the
 * open intervals are computed once per string per ten-day window (from the day before t) and a lookup is
 * a binary search: the finder evaluates hundreds of stations per request without calling the parser.
 */
export class HoursCache {
  private readonly parsed = new Map<string, OpeningHours | null>();
  private readonly windows = new Map<string, Window>();
  private static readonly maxWindows = 20_000;

  stateAt(value: string, at: Date): HoursState {
    const oh = this.parse(value);
    if (!oh) return { state: "unknown", nextChange: null };
    const day = chinaDayOf(at);
    const start = addDays(day, -1);
    const key = `${start}|${value}`;
    let w = this.windows.get(key);
    if (!w) {
      if (this.windows.size >= HoursCache.maxWindows) this.windows.clear();
      w = this.window(oh, chinaMidnight(start), chinaMidnight(addDays(start, 10)));
      this.windows.set(key, w);
    }
    return lookup(w, at.getTime());
  }

  private parse(value: string): OpeningHours | null {
    let oh = this.parsed.get(value);
    if (oh === undefined) {
      const p = value.trim() === "" ? null : parseOpeningHours(value);
      oh = p && p.ok ? p.value : null;
      this.parsed.set(value, oh);
    }
    return oh;
  }

  private window(oh: OpeningHours, from: Date, to: Date): Window {
    // Adjacent intervals of the same kind are one (a rule boundary at midnight is no change for a visitor).
    const merged: { s: number; e: number; u: boolean }[] = [];
    for (const [s, e, u] of oh.getOpenIntervals(toWall(from), toWall(to))) {
      const si = fromWall(s).getTime();
      const ei = fromWall(e).getTime();
      const last = merged.at(-1);
      if (last && last.e === si && last.u === u) last.e = ei;
      else merged.push({ s: si, e: ei, u });
    }
    return {
      from: from.getTime(),
      to: to.getTime(),
      starts: Float64Array.from(merged.map((m) => m.s)),
      ends: Float64Array.from(merged.map((m) => m.e)),
      unknown: Uint8Array.from(merged.map((m) => (m.u ? 1 : 0))),
    };
  }
}

function lookup(w: Window, t: number): HoursState {
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
  const beyond = (x: number) => (x >= w.to ? null : new Date(x));
  if (found >= 0 && t < (w.ends[found] ?? 0)) {
    return { state: w.unknown[found] ? "unknown" : "open", nextChange: beyond(w.ends[found] ?? w.to) };
  }
  const next = w.starts[found + 1];
  return { state: "closed", nextChange: next === undefined ? null : new Date(next) };
}
