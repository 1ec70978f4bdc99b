import { describe, expect, it } from "vitest";
import { exportFilename, exportScope } from "./exportFilename";

describe("export file names carry what, whose and when", () => {
  const at = new Date("2026-12-01T17:30:00Z"); // already 2 December in China
  it("joins subject, scope and the China date", () => {
    expect(exportFilename("服务场次.xlsx", "淳安县", at)).toBe("服务场次_淳安县_2026-12-02.xlsx");
    expect(exportFilename("服务场次", null, at)).toBe("服务场次_2026-12-02.xlsx");
    expect(exportFilename("A/B:C", "杭州市", at)).toBe("A-B-C_杭州市_2026-12-02.xlsx");
  });
  it("names the filtered region first, else the reader's own, the province for province staff", () => {
    const county = { regionCode: "330127", scope: { kind: "counties" as const, codes: ["330127"] } };
    const province = { regionCode: null, scope: { kind: "all" as const } };
    expect(exportScope(county)).toBe("淳安县");
    expect(exportScope(province)).toBe("浙江省");
    expect(exportScope(province, { regionCode: "330100" })).toBe("杭州市");
    expect(exportScope(province, { countyCode: "330127", page: 1 })).toBe("淳安县");
    expect(exportScope({ regionCode: null, scope: { kind: "self" } })).toBeNull();
  });
});
