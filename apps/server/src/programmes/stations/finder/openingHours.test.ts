import { chinaHolidayOn, chinaPublicHolidays } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { HoursCache } from "./openingHours";

// "PH" in a station's hours means the State Council's days off (the domain's table), including the lunar
// holidays the opening_hours package does not know, and not the package's 8 Mar / 4 May / 1 Jun.
const at = (iso: string) => new Date(iso);
const state = (hours: HoursCache, value: string, iso: string) => hours.stateAt(value, at(iso));

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
