import { describe, expect, it } from "vitest";
import { campaignRegionsText } from "./campaignRegionsText";

const names = new Map([
  ["330127", "淳安县"],
  ["330182", "建德市"],
]);

describe("campaignRegionsText", () => {
  it("says 全部山区海岛县 for a priority-only campaign without regions", () => {
    expect(campaignRegionsText({ regionCodes: [], priorityOnly: true }, names)).toBe("全部山区海岛县");
  });
  it("names the regions, and the priority counties within them", () => {
    expect(campaignRegionsText({ regionCodes: ["330127", "330182"], priorityOnly: false }, names)).toBe("淳安县、建德市");
    expect(campaignRegionsText({ regionCodes: ["330127"], priorityOnly: true }, names)).toBe("淳安县的山区海岛县");
  });
  it("falls back to the code before names load, and to 全省 with no regions", () => {
    expect(campaignRegionsText({ regionCodes: ["330127"], priorityOnly: false }, null)).toBe("330127");
    expect(campaignRegionsText({ regionCodes: [], priorityOnly: false }, names)).toBe("全省");
  });
});
