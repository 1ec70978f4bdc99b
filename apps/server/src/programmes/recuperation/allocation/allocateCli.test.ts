import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { referenceAllocate } from "../../../../../../packages/domain/src/programmes/recuperation/referenceAllocate";
import { main } from "./allocateCli";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function round(files: { sessions?: string; unions?: string; applications?: string }): string {
  const dir = mkdtempSync(join(tmpdir(), "allocate-"));
  dirs.push(dir);
  writeFileSync(join(dir, "sessions.csv"), files.sessions ?? "session_id,capacity\nS1,2\nS2,1\n西湖-3,1\n");
  writeFileSync(join(dir, "unions.csv"), files.unions ?? "union_id,quota\nU1,3\nU2,1\n");
  writeFileSync(
    join(dir, "applications.csv"),
    files.applications ??
      [
        "applicant_id,union_id,group,choice1,choice2,choice3,last_year",
        "a1,U1,3,S1,S2,,",
        "a2,U1,1,S2,,,2025",
        "a3,U2,2,S2,S1,,",
        "a4,U2,1,S1,,,2020",
        "张三,U1,2,西湖-3,S1,S2,",
        "a6,U1,1,,,,",
        "a7,U1,3,S1,S2,西湖-3,2023",
        "",
      ].join("\r\n"),
  );
  return dir;
}

function run(args: string[]): { code: number; out: string; err: string } {
  let out = "";
  let err = "";
  const code = main(args, (s) => (out += s), (s) => (err += s));
  return { code, out, err };
}

const lottery = (seed: string, id: string) => createHash("sha256").update(`${seed}:${id}`).digest().readBigUInt64BE(0);

describe("npm run allocate", () => {
  it("writes allocation.csv in input order, as the plain reference allocates, and prints c time", () => {
    const dir = round({});
    const res = run([dir, "--seed=published-2026", "--year=2026", "--no-repeat-years=3"]);
    expect(res.err).toBe("");
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^c applications 7 eligible 5 placed \d+\nc time \d+\.\d{3}\n$/);
    const lines = readFileSync(join(dir, "allocation.csv"), "utf8").trimEnd().split("\n");
    expect(lines[0]).toBe("applicant_id,session_id,position");
    const rows = lines.slice(1).map((l) => l.split(","));
    expect(rows.map((r) => r[0])).toEqual(["a1", "a2", "a3", "a4", "张三", "a6", "a7"]);
    // a2 (2025) and a7 (2023) were on recuperation within 3 years of 2026: no place, no position.
    expect(rows[1]).toEqual(["a2", "", ""]);
    expect(rows[6]).toEqual(["a7", "", ""]);

    const apps = lines.length - 1;
    expect(apps).toBe(7);
    const source = readFileSync(join(dir, "applications.csv"), "utf8").trim().split("\r\n").slice(1).map((l) => l.split(","));
    const ref = referenceAllocate(
      source.map(([id, union, group, c1, c2, c3, last]) => ({
        applicantId: id!,
        unionId: union!,
        group: Number(group),
        choices: [c1!, c2!, c3!].filter(Boolean),
        lastYear: last ? Number(last) : null,
      })),
      new Map([["S1", 2], ["S2", 1], ["西湖-3", 1]]),
      new Map([["U1", 3], ["U2", 1]]),
      { seed: "published-2026", year: 2026, noRepeatYears: 3, lottery },
    );
    expect(rows).toEqual(ref.map((o) => [o.applicantId, o.sessionId ?? "", o.position ? String(o.position) : ""]));
    // The group-1 applicants with a position come first in the draw.
    expect(rows[3]![2] === "1" || rows[5]![2] === "1").toBe(true);
  });

  it("gives the same file for the same seed, and another draw for another seed", () => {
    const many = ["applicant_id,union_id,group,choice1,choice2,choice3,last_year", ...Array.from({ length: 200 }, (_, i) => `w${i},U${i % 2 ? 1 : 2},${1 + (i % 3)},S${1 + (i % 2)},,,`)].join("\n");
    const dir = round({ applications: many, unions: "union_id,quota\nU1,500\nU2,500\n", sessions: "session_id,capacity\nS1,30\nS2,30\n" });
    run([dir, "--seed=x", "--year=2026", "--no-repeat-years=0"]);
    const first = readFileSync(join(dir, "allocation.csv"), "utf8");
    run([dir, "--seed=x", "--year=2026", "--no-repeat-years=0"]);
    expect(readFileSync(join(dir, "allocation.csv"), "utf8")).toBe(first);
    run([dir, "--seed=y", "--year=2026", "--no-repeat-years=0"]);
    expect(readFileSync(join(dir, "allocation.csv"), "utf8")).not.toBe(first);
  });

  it.each([
    [{ sessions: "id,capacity\nS1,2\n" }, "sessions.csv:1:", "header"],
    [{ sessions: "session_id,capacity\nS1,two\n" }, "sessions.csv:2:", "whole number"],
    [{ unions: "union_id,quota\nU1,3\nU1,4\n" }, "unions.csv:3:", "twice"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,1,S1,,,\na2,U9,1,S1,,,\n" }, "applications.csv:3:", "U9"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,0,S1,,,\n" }, "applications.csv:2:", "group"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,1,S1,S7,,\n" }, "applications.csv:2:", "choice2"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,1,S1,,\n" }, "applications.csv:2:", "6 fields"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,1,S1,,,,\n" }, "applications.csv:2:", "more than 7"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,1,S1,,,\n\na2,U1,1,S1,,,soon\n" }, "applications.csv:4:", "last_year"],
    [{ applications: "applicant_id,union_id,group,choice1,choice2,choice3,last_year\na1,U1,1,S1,,,\na2,U1,1,S1,,,\na1,U2,2,,,,\n" }, "applications.csv:4:", "line 2"],
  ])("refuses a bad file naming it and the line: %j", (files, where, what) => {
    const dir = round(files);
    const res = run([dir, "--seed=s", "--year=2026", "--no-repeat-years=3"]);
    expect(res.code).toBe(1);
    expect(res.err).toContain(join(dir, where));
    expect(res.err).toContain(what);
  });

  it("runs as `npm run -s allocate` with the exit code of a missing file", () => {
    const dir = round({});
    rmSync(join(dir, "unions.csv"));
    const res = spawnSync("npm", ["run", "-s", "allocate", "--", dir, "--seed=s", "--year=2026", "--no-repeat-years=3"], { encoding: "utf8" });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain("unions.csv");
    expect(run([dir, "--seed=s"]).code).toBe(2);
  });
});
