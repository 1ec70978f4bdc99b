import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const webSrc = path.resolve(__dirname, "..");

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return pages(file);
    return name.endsWith(".tsx") ? [file] : [];
  });
}

/**
 * antd's InputNumber changes what was typed when the box loses focus, without a word: `precision={0}`
 * rounds 2.5 to 3, `min`/`max` clamp 0 to 1 and 99,999,999 to 100,000 (issue 11: 人次 0 → 1, 难题上限
 * 999 → 20). Number boxes carry none of them; the field's rule (the domain schema) refuses the value
 * with a Chinese message naming the limit, and the API refuses it the same way.
 */
/** Walked: every page of the app (programmes, master data, platform modules). */
const walked = [webSrc];

describe("number boxes never round or clamp silently", () => {
  it("no InputNumber with precision={0}, min or max", () => {
    const files = walked.flatMap(pages);
    const found = files.flatMap((file) => {
      const text = readFileSync(file, "utf8");
      // Each <InputNumber … /> element, however many lines its props take.
      return [...text.matchAll(/<InputNumber\b[\s\S]*?\/>/g)]
        .filter((m) => /\bprecision=\{0\}|\bmin=\{|\bmax=\{/.test(m[0]))
        .map((m) => `${path.relative(webSrc, file)}:${text.slice(0, m.index).split("\n").length}`);
    });
    expect(files.length).toBeGreaterThan(50); // the walk really read the pages
    expect(found).toEqual([]);
  });
});
