import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { maskName, maskPhone, maskResidentId } from "./mask";

const revealed = (masked: string) => [...masked].filter((char) => char !== "*").length;

describe("maskPhone", () => {
  it("keeps the first three and last four digits", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
  });

  it("masks formatted numbers as their 11 digits", () => {
    expect(maskPhone("+86 138-1234-5678")).toBe("138****5678");
  });

  it("reveals at most half of short input", () => {
    expect(maskPhone("12345678")).toBe("12****78");
    expect(maskPhone("123")).toBe("**3");
    expect(maskPhone("1")).toBe("*");
    expect(maskPhone("")).toBe("");
  });
});

describe("maskResidentId", () => {
  it("keeps the first six and last four characters", () => {
    expect(maskResidentId("11010519491231002X")).toBe("110105********002X");
  });

  it("reveals at most half of short input", () => {
    expect(maskResidentId("1101051949")).toBe("11*****949");
    expect(maskResidentId("11")).toBe("*1");
  });
});

describe("maskResidentId at full length (GB/T 35273)", () => {
  it("never shows more than the first 6 and the last 4 characters", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{17}[\dX]$/), (id) => {
        const masked = maskResidentId(id);
        expect(masked.slice(6, -4)).toMatch(/^\*+$/);
        expect(revealed(masked)).toBeLessThanOrEqual(10);
        expect(masked.slice(0, 6) + masked.slice(-4)).toBe(id.slice(0, 6) + id.slice(-4));
      }),
    );
  });
});

describe("maskName", () => {
  it("keeps the first character", () => {
    expect(maskName("张三丰")).toBe("张**");
    expect(maskName("欧阳娜娜")).toBe("欧***");
    expect(maskName("李四")).toBe("李*");
  });

  it("hides a one-character name completely", () => {
    expect(maskName("张")).toBe("*");
    expect(maskName("")).toBe("");
  });

  it("does not split characters outside the BMP", () => {
    expect(maskName("𠮷野家")).toBe("𠮷**");
  });
});

describe("masking short input", () => {
  it("never reveals more than half of anything shorter than the full format", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 17 }).map((s) => s.trim()), (value) => {
        const length = [...value].length;
        for (const masked of [maskResidentId(value), maskName(value), ...(length < 11 ? [maskPhone(value)] : [])]) {
          expect(revealed(masked)).toBeLessThanOrEqual(Math.floor(length / 2));
        }
      }),
    );
  });
});
