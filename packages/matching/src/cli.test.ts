import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const cli = join(dirname(fileURLToPath(import.meta.url)), "cli.ts");
const dir = mkdtempSync(join(tmpdir(), "matching-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(name: string, text: string) {
  const file = join(dir, name);
  writeFileSync(file, text);
  const r = spawnSync(process.execPath, ["--import", "tsx", cli, file], { encoding: "utf8" });
  return { file, status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("match CLI", () => {
  it("prints the optimal cost, the arcs with flow, and the time", () => {
    // 4 units from 1 to 4; the direct arc 1->4 is dear, and the lower bound forces one unit on 2->3.
    const r = run("ok.min", "c test\np min 4 5\nn 1 4\nn 4 -4\na 1 2 0 4 1\na 2 4 0 3 1\na 2 3 1 2 1\na 3 4 0 5 1\na 1 4 0 9 10\n");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines.slice(0, -1)).toEqual(["s 9", "f 1 2 4", "f 2 4 3", "f 2 3 1", "f 3 4 1"]);
    expect(lines.at(-1)).toMatch(/^c time \d+\.\d{3}$/);
  }, 20_000);

  it("names the line of a malformed file and exits non-zero", () => {
    const r = run("bad.min", "p min 2 1\nn 1 1\nn 2 -1\na 1 2 0 one 1\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`${r.file}:4: capacity must be an integer, got "one"\n`);
    expect(r.stdout).toBe("");
  }, 20_000);

  it("names the nodes whose supply cannot be routed", () => {
    const r = run("infeasible.min", "p min 3 1\nn 1 2\nn 3 -2\na 1 2 0 5 1\n");
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${r.file}:2: infeasible`);
    expect(r.stderr).toContain("node 1 (line 2)");
    expect(r.stderr).toContain("node 3 (line 3)");
  }, 20_000);

  it("explains a missing file", () => {
    const r = run("x.min", "");
    const missing = spawnSync(process.execPath, ["--import", "tsx", cli, join(dir, "nope.min")], { encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain("no such file");
  }, 20_000);
});
