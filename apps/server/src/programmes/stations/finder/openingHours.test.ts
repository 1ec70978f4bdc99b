import { chinaHolidayOn, chinaPublicHolidays } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { HoursCache, parseOpeningHours, referenceWorkday } from "./openingHours";

// "PH" in a station's hours means the State Council's days off (the domain's table), including the lunar
// holidays the opening_hours package does not know, and not the package's 8 Mar / 4 May / 1 Jun.
const at = (iso: string) => new Date(iso);
/** The answer without the span it holds for (checked on its own below). */
const state = (hours: HoursCache, value: string, iso: string) => {
  const { heldFrom: _from, heldUntil: _until, ...answer } = hours.stateAt(value, at(iso));
  return answer;
};

describe("public holidays in opening hours", () => {
  const hours = new HoursCache();

  it("closes a 'PH off' station on the lunar holidays and the notice's bridging days", () => {
    const v = "Mo-Fr 09:00-17:00; PH off";
    expect(state(hours, v, "2026-02-17T10:00:00+08:00").state).toBe("closed"); // 春节, a Tuesday
    expect(state(hours, v, "2026-04-06T10:00:00+08:00").state).toBe("closed"); // 清明, a Monday
    expect(state(hours, v, "2026-06-19T10:00:00+08:00").state).toBe("closed"); // 端午, a Friday
    expect(state(hours, v, "2026-09-25T10:00:00+08:00").state).toBe("closed"); // 中秋, a Friday
    expect(state(hours, v, "2026-10-06T10:00:00+08:00").state).toBe("closed"); // 国庆 bridging day (the package knows only 1–3 Oct)
    expect(state(hours, v, "2026-02-24T10:00:00+08:00").state).toBe("open"); // back to work
    // Friday after 春节 week: the next opening is the Tuesday after the holiday.
    expect(state(hours, v, "2026-02-20T18:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-02-24T09:00:00+08:00") });
  });

  it("does not treat 妇女节, 青年节 and 儿童节 as days off", () => {
    const v = "Mo-Su 08:00-20:00; PH off";
    expect(state(hours, v, "2026-03-08T10:00:00+08:00").state).toBe("open");
    expect(state(hours, v, "2026-05-04T10:00:00+08:00").state).toBe("closed"); // inside 劳动节 1–5 May this year
    expect(state(hours, v, "2025-05-04T10:00:00+08:00").state).toBe("closed"); // 2025: 1–5 May too
    expect(state(hours, v, "2026-06-01T10:00:00+08:00").state).toBe("open");
  });

  it("applies holiday hours (PH hh:mm) and unions such as Sa,Su,PH", () => {
    expect(state(hours, "Mo-Su 07:00-21:00; PH 09:00-17:00", "2026-02-17T08:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-02-17T09:00:00+08:00") });
    expect(state(hours, "Mo-Su 07:00-21:00; PH 09:00-17:00", "2026-02-24T08:00:00+08:00").state).toBe("open");
    expect(state(hours, "Mo-Fr 08:00-18:00; Sa,Su,PH off", "2026-06-19T10:00:00+08:00").state).toBe("closed");
    expect(state(hours, "Mo-Fr 08:00-18:00; Sa,Su,PH off", "2026-06-18T10:00:00+08:00").state).toBe("open");
  });

  it("falls back to the package's table for a year the notice table does not list", () => {
    expect(chinaHolidayOn("2031-10-01")).toBeUndefined();
    expect(state(hours, "Mo-Su 08:00-20:00; PH off", "2031-10-01T10:00:00+08:00").state).toBe("closed");
    expect(Object.keys(chinaPublicHolidays).map(Number)).toContain(2026);
  });
});

// 调休: the notice makes some Saturdays and Sundays working days (2026-10-10, a Saturday, after 国庆). A station's
// host works them like a weekday, so its hours are read as an ordinary working day's (the nearest ordinary
// Wednesday, moved onto the day), and the answer says so.
describe("调休 working days in opening hours", () => {
  const hours = new HoursCache();
  const weekdays = "Mo-Fr 09:00-18:00; PH off";

  it("opens a Mo-Fr station on a 调休 Saturday and marks the answer", () => {
    expect(state(hours, weekdays, "2026-10-10T10:00:00+08:00")).toEqual({ state: "open", nextChange: at("2026-10-10T18:00:00+08:00"), makeUpWorkday: true });
    expect(state(hours, weekdays, "2026-10-10T20:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-10-12T09:00:00+08:00"), makeUpWorkday: true });
    // The Friday evening before already points at the Saturday's opening.
    expect(state(hours, weekdays, "2026-10-09T19:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-10-10T09:00:00+08:00") });
    expect(state(hours, weekdays, "2025-09-28T10:00:00+08:00")).toMatchObject({ state: "open", makeUpWorkday: true }); // 2025: a Sunday worked
  });

  it("keeps a public holiday closed, and a normal Saturday closed", () => {
    expect(state(hours, weekdays, "2026-10-07T10:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-10-08T09:00:00+08:00") }); // 国庆, a Wednesday
    expect(state(hours, weekdays, "2026-10-17T10:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-10-19T09:00:00+08:00") });
  });

  it("reads weekend hours as the working day's, and leaves 24/7, every-day hours and unknown hours alone", () => {
    const split = "Mo-Fr 08:00-20:00; Sa,Su 10:00-16:00";
    expect(state(hours, split, "2026-10-10T09:00:00+08:00")).toMatchObject({ state: "open", makeUpWorkday: true });
    expect(state(hours, split, "2026-10-17T09:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-10-17T10:00:00+08:00") });
    expect(state(hours, "24/7", "2026-10-10T03:00:00+08:00")).toEqual({ state: "open", nextChange: null });
    expect(state(hours, "Mo-Su 08:00-20:00", "2026-10-10T21:00:00+08:00")).toEqual({ state: "closed", nextChange: at("2026-10-11T08:00:00+08:00") });
    expect(state(hours, "", "2026-10-10T10:00:00+08:00")).toEqual({ state: "unknown", nextChange: null });
    expect(state(hours, "Mo-Fr 10:00-16:00 unknown", "2026-10-10T11:00:00+08:00")).toMatchObject({ state: "unknown", makeUpWorkday: true });
  });

  it("borrows the nearest ordinary Wednesday, never a day off", () => {
    expect(referenceWorkday("2026-10-10")).toBe("2026-10-14"); // that week's Wednesday (7 Oct) is 国庆
    expect(referenceWorkday("2025-01-26")).toBe("2025-01-22"); // 29 Jan is 春节
    expect(referenceWorkday("2026-05-09")).toBe("2026-05-06");
  });
});

describe("an unparsable value", () => {
  it("is refused in Chinese, naming where the parser stopped, without the package's English reason", () => {
    const refused = parseOpeningHours("Mo-Fr 25:00-99:00");
    expect(refused.ok).toBe(false);
    const message = refused.ok ? "" : refused.message;
    expect(message).toMatch(/^开放时间无法识别\(错在“Mo-Fr 25:00”处\)，请按 OpenStreetMap 格式填写/);
    expect(message).not.toMatch(/Time range|Unexpected token/);
    const chinese = parseOpeningHours("每天早八晚八");
    expect(chinese.ok ? "" : chinese.message).toContain("错在“每天”处");
  });
});

describe("the span an answer holds for", () => {
  it("gives the same answer at every instant of the span, the instant asked within it, within its China day", () => {
    const hours = new HoursCache();
    const values = ["Mo-Fr 09:00-17:00; PH off", "Mo-Su 07:00-21:00; PH 09:00-17:00", "24/7", "Mo-Fr 08:00-20:00; Sa,Su 10:00-16:00", "", "Mo-Fr 10:00-16:00 unknown"];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    // Around 国庆 and its 调休 Saturday (10 Oct 2026), where days read differently.
    const start = at("2026-09-28T00:00:00+08:00").getTime();
    for (let k = 0; k < 400; k++) {
      const value = values[k % values.length] ?? "";
      const t = start + Math.floor(rnd() * 20 * 24 * 60) * 60_000;
      const { heldFrom, heldUntil, ...answer } = hours.stateAt(value, new Date(t));
      if (heldFrom === undefined || heldUntil === undefined) throw new Error("no span");
      expect(heldFrom <= t && t < heldUntil, value).toBe(true);
      const dayStart = Math.floor((t + 8 * 3_600_000) / 86_400_000) * 86_400_000 - 8 * 3_600_000;
      expect(Math.max(heldFrom, dayStart)).toBe(heldFrom);
      expect(Math.min(heldUntil, dayStart + 86_400_000)).toBe(heldUntil);
      // Its first and last minute, and a fresh cache (so no window is shared), answer alike.
      for (const u of [heldFrom, Math.max(heldFrom, heldUntil - 60_000)]) {
        const { heldFrom: _f, heldUntil: _u, ...again } = new HoursCache().stateAt(value, new Date(u));
        expect(again, `${value} at ${new Date(u).toISOString()}`).toEqual(answer);
      }
    }
  });
});
