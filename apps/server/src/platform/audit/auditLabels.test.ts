import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { agreementStatusInputSchema, auditActionLabels, correctableObjects, correctionKinds } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";

const serverSrc = path.resolve(__dirname, "../..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [file] : [];
  });
}

/**
 * Every action code the server can write to the log, read from its writeAudit calls: the literal
 * codes on `action:` lines (ternaries included), `import.<kind>` for each ImportSpec's kind and
 * `agreement.<status>` for each way an agreement closes and `<object>.<kind>` for each correction.
 */
function writtenActions(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(serverSrc)) {
    const text = readFileSync(file, "utf8");
    for (const line of text.split("\n")) {
      if (!/\baction: /.test(line) || line.includes("frameguard")) continue;
      for (const [, code] of line.matchAll(/"([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)) if (code) codes.add(code);
    }
    if (text.includes("ImportSpec")) for (const [, kind] of text.matchAll(/^\s*kind: "([a-zA-Z]+)",$/gm)) codes.add(`import.${kind}`);
  }
  for (const status of agreementStatusInputSchema.shape.status.options) codes.add(`agreement.${status}`);
  // Corrections are written as `<object>.<kind>` (programmes/flagship/corrections/recordCorrection.ts).
  for (const object of correctableObjects) for (const kind of correctionKinds) codes.add(`${object}.${kind}`);
  return codes;
}

describe("audit action labels", () => {
  it("name every action the server writes, in Chinese", () => {
    const codes = writtenActions();
    // The reader really found the calls (a broken pattern would pass an empty set).
    for (const known of ["auth.login", "plan.accept", "import.enterprises", "agreement.completed", "person.readResidentId"]) expect(codes, known).toContain(known);
    const missing = [...codes].filter((code) => !auditActionLabels[code]);
    expect(missing).toEqual([]);
    for (const code of codes) expect(auditActionLabels[code], code).toMatch(/[\u4e00-\u9fff]/);
  });
});
