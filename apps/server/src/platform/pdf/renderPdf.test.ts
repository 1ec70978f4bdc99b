import { describe, expect, it } from "vitest";
import { findCjkFont } from "./cjkFont";
import { renderPdf } from "./renderPdf";

describe("renderPdf", () => {
  it("finds the CJK font and writes a PDF that embeds it", async () => {
    expect(findCjkFont().path).toMatch(/\.(ttc|ttf|otf)$/);
    const pdf = await renderPdf((doc) => void doc.fontSize(20).text("浙江金蓝领"), { title: "测试" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.toString("latin1")).toMatch(/FontFile|CIDFontType/);
  });
});
