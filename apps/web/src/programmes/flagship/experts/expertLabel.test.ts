import { describe, expect, it } from "vitest";
import { expertDetailOfRow, expertLabel } from "./expertLabel";

describe("expertLabel", () => {
  it("tells the demo's namesakes apart by work unit, home county and level", () => {
    const a = expertLabel("郭红英", expertDetailOfRow({ employer: "杭州汽轮机股份有限公司", homeCountyName: "上城区", skillLevel: "seniorTechnician" }));
    const b = expertLabel("郭红英", expertDetailOfRow({ employer: "宁波港集团有限公司", homeCountyName: "北仑区", skillLevel: "technician" }));
    expect(a).toBe("郭红英（杭州汽轮机股份有限公司 · 上城区 · 高级技师(一级)）");
    expect(b).toBe("郭红英（宁波港集团有限公司 · 北仑区 · 技师(二级)）");
    expect(a).not.toBe(b);
  });

  it("is the bare name only when nothing is known about the person", () => {
    expect(expertLabel("林雪梅", null)).toBe("林雪梅");
    expect(expertLabel("林雪梅", "")).toBe("林雪梅");
  });
});
