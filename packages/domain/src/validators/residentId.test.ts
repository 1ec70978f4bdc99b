import { describe, it, expect } from "vitest";
import fc from "fast-check";
import { checkResidentId, computeResidentIdCheckChar, normaliseResidentId, residentIdSchema } from "./residentId";

const today = new Date("2024-06-15T04:00:00Z");
const digits = (count: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: count, maxLength: count }).map((d) => d.join(""));
const birthDate = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2024-06-14T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10).replaceAll("-", ""));
const validId = fc.tuple(digits(6), birthDate, digits(3)).map(([address, birth, sequence]) => {
  const first17 = address + birth + sequence;
  return first17 + computeResidentIdCheckChar(first17);
});

function withCheck(first17: string): string {
  return first17 + computeResidentIdCheckChar(first17);
}

describe("checkResidentId", () => {
  it("accepts the standard's examples", () => {
    expect(checkResidentId("11010519491231002X", today)).toEqual({
      ok: true,
      value: { id: "11010519491231002X", birthDate: "1949-12-31", sex: "female" },
    });
    expect(checkResidentId("440524188001010014", today)).toEqual({
      ok: true,
      value: { id: "440524188001010014", birthDate: "1880-01-01", sex: "male" },
    });
  });

  it("normalises full-width digits, lower-case x and surrounding spaces", () => {
    expect(checkResidentId(" １１０１０５１９４９１２３１００２ｘ ", today)).toMatchObject({
      ok: true,
      value: { id: "11010519491231002X" },
    });
    expect(checkResidentId("11010519491231002x", today)).toMatchObject({ ok: true, value: { id: "11010519491231002X" } });
  });

  it("strips spaces inside the number too (typed in groups, full-width space included)", () => {
    expect(checkResidentId("110105 1949　1231 002x", today)).toMatchObject({ ok: true, value: { id: "11010519491231002X" } });
    expect(normaliseResidentId("１１０１０５１９４９１２３１００２Ｘ")).toBe("11010519491231002X");
  });

  it("derives sex from the parity of the sequence", () => {
    expect(checkResidentId(withCheck("33010619900101001"), today)).toMatchObject({ ok: true, value: { sex: "male" } });
    expect(checkResidentId(withCheck("33010619900101002"), today)).toMatchObject({ ok: true, value: { sex: "female" } });
  });

  it("refuses 15-digit IDs with a message saying so", () => {
    expect(checkResidentId("110105491231002", today)).toEqual({
      ok: false,
      message: "不再受理15位身份证号，请填写18位号码",
    });
  });

  it("reports wrong length and missing input", () => {
    expect(checkResidentId("1101051949123100", today)).toMatchObject({ ok: false, message: "身份证号应为18位，当前为16位" });
    expect(checkResidentId("  ", today)).toMatchObject({ ok: false, message: "请填写身份证号" });
  });

  it("names a non-digit in the first 17 positions", () => {
    expect(checkResidentId("1101051949123X002X", today)).toEqual({
      ok: false,
      message: "第14位应为数字，实际为“X”",
      position: 14,
    });
  });

  it("rejects impossible birth dates such as 30 February", () => {
    const result = checkResidentId(withCheck("11010519990230001"), today);
    expect(result).toMatchObject({ ok: false });
    if (!result.ok) expect(result.message).toContain("19990230");
  });

  it("accepts 29 February only in leap years", () => {
    expect(checkResidentId(withCheck("11010520000229001"), today).ok).toBe(true);
    expect(checkResidentId(withCheck("11010519000229001"), today).ok).toBe(false);
  });

  it("rejects birth dates after today and accepts today", () => {
    expect(checkResidentId(withCheck("11010520240616001"), today)).toMatchObject({ ok: false });
    expect(checkResidentId(withCheck("11010520240615001"), today).ok).toBe(true);
  });

  it("judges 'today' by the date in China, not the server's zone", () => {
    // 2024-06-15 20:00 UTC is already 16 June in Beijing.
    expect(checkResidentId(withCheck("11010520240616001"), new Date("2024-06-15T20:00:00Z")).ok).toBe(true);
  });

  it("rejects birth years before 1800", () => {
    expect(checkResidentId(withCheck("11010517991231001"), today)).toMatchObject({ ok: false });
  });

  it("says what the check character should be", () => {
    expect(checkResidentId("110105194912310021", today)).toEqual({
      ok: false,
      message: "校验码不符：第18位应为“X”，实际为“1”，请核对前17位是否有误",
      position: 18,
    });
  });

  it("accepts every generated valid ID", () => {
    fc.assert(fc.property(validId, (id) => checkResidentId(id, today).ok));
  });

  it("rejects every single-character substitution", () => {
    const replacement = fc.constantFrom(..."0123456789X");
    fc.assert(
      fc.property(validId, fc.nat({ max: 17 }), replacement, (id, index, char) => {
        fc.pre(id[index] !== char);
        const mutated = id.slice(0, index) + char + id.slice(index + 1);
        expect(checkResidentId(mutated, today).ok).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it("computeResidentIdCheckChar refuses anything but 17 digits", () => {
    expect(computeResidentIdCheckChar("11010519491231002")).toBe("X");
    expect(() => computeResidentIdCheckChar("1101051949123100")).toThrow(RangeError);
  });
});

describe("residentIdSchema", () => {
  it("outputs the normalised ID", () => {
    expect(residentIdSchema.parse("11010519491231002x")).toBe("11010519491231002X");
  });

  it("uses the check's message and asks for the ID when missing", () => {
    expect(residentIdSchema.safeParse("110105491231002").error?.issues[0]?.message).toBe(
      "不再受理15位身份证号，请填写18位号码",
    );
    expect(residentIdSchema.safeParse(undefined).error?.issues[0]?.message).toBe("请填写身份证号");
  });
});
