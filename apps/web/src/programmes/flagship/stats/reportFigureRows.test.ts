import type { StatFigures } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { reportFigureRows } from "./reportFigureRows";

const figures = (over: Partial<StatFigures>): StatFigures => ({
  sessions: 0,
  expertParticipations: 0,
  enterprisesServed: 0,
  problemsSolved: 0,
  workerTrainings: 0,
  benefitEstimatedYuan: "0.00",
  benefitVerifiedYuan: "0.00",
  hasRecords: false,
  ...over,
});

describe("reportFigureRows", () => {
  const year = figures({ sessions: 120, benefitEstimatedYuan: "1310000000.00", benefitVerifiedYuan: "583000.50", hasRecords: true });

  it("leaves out last year when it has no records: no column of zeros, no change against zero", () => {
    const rows = reportFigureRows(year, figures({}));
    for (const row of rows) {
      expect(row.previous, row.label).toBeUndefined();
      expect(row.change, row.label).toBeUndefined();
    }
  });

  it("compares with a year that has records, even where a figure is 0", () => {
    const rows = reportFigureRows(year, figures({ sessions: 100, hasRecords: true }));
    expect(rows[0]).toMatchObject({ current: "120", previous: "100", change: "+20.0%" });
    expect(rows[1]).toMatchObject({ previous: "0", change: "—" });
  });

  it("writes 无数据 for a year without records", () => {
    expect(reportFigureRows(figures({}), null).map((r) => r.current)).toEqual(Array(7).fill("无数据"));
  });

  it("writes money in 万元 with two decimals in one unit for the whole column", () => {
    const rows = reportFigureRows(year, null);
    expect(rows.at(-2)).toMatchObject({ label: "经济效益·预估(万元)", current: "131,000.00" });
    expect(rows.at(-1)).toMatchObject({ label: "经济效益·已核实(万元)", current: "58.30" });
  });
});
