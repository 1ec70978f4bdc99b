import { describe, expect, it } from "vitest";
import { yearChange } from "./yearChange";

describe("yearChange", () => {
  it("gives the change in percent to one decimal", () => {
    expect(yearChange(2352n, 2100n)).toEqual({ text: "+12.0%", direction: "up" });
    expect(yearChange(96n, 100n)).toEqual({ text: "-4.0%", direction: "down" });
    expect(yearChange(1n, 3n)).toEqual({ text: "-66.7%", direction: "down" });
    expect(yearChange(2n, 3n)).toEqual({ text: "-33.3%", direction: "down" });
  });
  it("says 持平 for no change and nothing when last year had none", () => {
    expect(yearChange(5n, 5n)).toEqual({ text: "持平", direction: "flat" });
    expect(yearChange(5n, 0n)).toBeNull();
  });
  it("compares money in fen exactly", () => {
    expect(yearChange(131_000_000_000n, 100_000_000_000n)).toEqual({ text: "+31.0%", direction: "up" });
  });
});
