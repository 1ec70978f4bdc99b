import { describe, expect, it } from "vitest";
import { shareText } from "./shareText";

describe("a county's share of a target", () => {
  it("is whole, rounded up, never a fraction of a 人次", () => {
    expect(shareText(103.4)).toBe("104");
    expect(shareText(1.15)).toBe("2");
    expect(shareText(12)).toBe("12");
    // A division that lands a hair above a whole number stays that number.
    expect(shareText(30 / 3 + 1e-12)).toBe("10");
    expect(shareText(1234.5)).toBe("1,235");
  });
});
