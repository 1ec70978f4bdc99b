import { describe, expect, it } from "vitest";
import { inputSafetyMessages, unsafeInputIssues, unsafeTextIssue } from "./inputSafety";

describe("input safety", () => {
  it("refuses NUL and other control characters but keeps line breaks and tabs", () => {
    expect(unsafeTextIssue("a\u0000")).toBe(inputSafetyMessages.control);
    expect(unsafeTextIssue("a\u001b[31m")).toBe(inputSafetyMessages.control);
    expect(unsafeTextIssue("a\u0085")).toBe(inputSafetyMessages.control);
    // The control range's edges: DEL and vertical tab are refused, printable ASCII is not.
    expect(unsafeTextIssue("a\u007f")).toBe(inputSafetyMessages.control);
    expect(unsafeTextIssue("a\u000bb")).toBe(inputSafetyMessages.control);
    expect(unsafeTextIssue("~ plain ASCII 120.15")).toBeUndefined();
    expect(unsafeTextIssue("\ud800x")).toBe(inputSafetyMessages.control);
    expect(unsafeTextIssue("第一行\n第二行\r\n\t缩进")).toBeUndefined();
    expect(unsafeTextIssue("😀 正常")).toBeUndefined();
  });

  it("refuses dates outside 1900–2100 and days that do not exist", () => {
    expect(unsafeTextIssue("0000-01-01")).toBe(inputSafetyMessages.date);
    expect(unsafeTextIssue("1899-12-31")).toBe(inputSafetyMessages.date);
    expect(unsafeTextIssue("2101-01-01T00:00:00Z")).toBe(inputSafetyMessages.date);
    expect(unsafeTextIssue("+275760-09-13")).toBe(inputSafetyMessages.date);
    expect(unsafeTextIssue("-0001-01-01")).toBe(inputSafetyMessages.date);
    expect(unsafeTextIssue("2025-02-29")).toBe(inputSafetyMessages.dateInvalid);
    expect(unsafeTextIssue("2024-02-29")).toBeUndefined();
    expect(unsafeTextIssue("2026-11-30T08:00:00.000+08:00")).toBeUndefined();
  });

  it("names each bad value by its path, numbers included", () => {
    const issues = unsafeInputIssues({ note: "a\u0000", items: [{ date: "0000-01-01" }], n: 1e300, ok: "好" });
    expect(issues).toEqual([
      { path: "note", message: inputSafetyMessages.control },
      { path: "items.0.date", message: inputSafetyMessages.date },
      { path: "n", message: inputSafetyMessages.number },
    ]);
    expect(unsafeInputIssues({ q: "正常", page: "2" })).toEqual([]);
  });

  it("refuses a key with a control character and nesting deeper than 32 levels, once each", () => {
    expect(unsafeInputIssues({ a: { "b\u0001": "x" } })).toEqual([{ path: "a._", message: inputSafetyMessages.control }]);
    let deep: unknown = "leaf";
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(unsafeInputIssues({ deep })).toEqual([{ path: ["deep", ...Array<string>(32).fill("0")].join("."), message: inputSafetyMessages.depth }]);
  });
});
