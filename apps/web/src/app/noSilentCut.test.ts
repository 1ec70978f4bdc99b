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
 * An input's `maxLength` cuts what is typed or pasted without a word: a 300-character name became the
 * first 100 and was saved so. Fields show `count={{ show: true, max }}` instead (the count turns red)
 * and the schema refuses the value with the limit named. The only caps left are the 6-digit one-time
 * codes, which are never saved and are answered with 动态验证码错误 when wrong.
 */
describe("inputs never cut text silently", () => {
  it("no maxLength outside the one-time-code fields", () => {
    const found = pages(webSrc).flatMap((file) =>
      readFileSync(file, "utf8")
        .split("\n")
        .map((line, i) => ({ line, at: `${path.relative(webSrc, file)}:${i + 1}` }))
        .filter(({ line }) => /maxLength=\{/.test(line) && !/autoComplete="one-time-code"/.test(line)),
    );
    expect(pages(webSrc).length).toBeGreaterThan(50); // the walk really read the pages
    expect(found.map((f) => f.at)).toEqual([]);
  });
});
