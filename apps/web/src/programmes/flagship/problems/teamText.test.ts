import { describe, expect, it } from "vitest";
import { coExpertsText } from "./teamText";

describe("the team card's words", () => {
  it("speaks of co-experts only on the 协助专家 line: no “无(需要1人)” beside 需要专家人数 1人", () => {
    expect(coExpertsText(1, true)).toBe("不需要协助专家");
    expect(coExpertsText(3, true)).toBe("尚未添加(需要2人)");
    expect(coExpertsText(2, false)).toBe("指派负责专家后可添加(需要1人)");
  });
});
