// The plain reference for bench:recuperation: the same files, read with split() into objects, hashed
// with node:crypto, drawn by referenceAllocate (packages/domain/.../referenceAllocate.ts), written with
// join(). Usage as `npm run allocate` (DIR --seed= --year= --no-repeat-years=); writes DIR/reference.csv.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { referenceAllocate, type PlainApplication } from "../../packages/domain/src/programmes/recuperation/referenceAllocate";

const [dir, ...rest] = process.argv.slice(2);
const opt = (name: string) => rest.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? "";
const start = performance.now();
const rows = (file: string) => readFileSync(join(dir!, file), "utf8").split("\n").slice(1).filter(Boolean).map((l) => l.split(","));
const sessions = new Map(rows("sessions.csv").map(([id, c]) => [id!, Number(c)]));
const unions = new Map(rows("unions.csv").map(([id, q]) => [id!, Number(q)]));
const applications: PlainApplication[] = rows("applications.csv").map(([applicantId, unionId, group, c1, c2, c3, last]) => ({
  applicantId: applicantId!,
  unionId: unionId!,
  group: Number(group),
  choices: [c1!, c2!, c3!].filter(Boolean),
  lastYear: last ? Number(last) : null,
}));
const outcomes = referenceAllocate(applications, sessions, unions, {
  seed: opt("seed"),
  year: Number(opt("year")),
  noRepeatYears: Number(opt("no-repeat-years")),
  lottery: (seed, id) => createHash("sha256").update(`${seed}:${id}`).digest().readBigUInt64BE(0),
});
writeFileSync(join(dir!, "reference.csv"), ["applicant_id,session_id,position", ...outcomes.map((o) => `${o.applicantId},${o.sessionId ?? ""},${o.position ?? ""}`)].join("\n") + "\n");
console.log(`c time ${((performance.now() - start) / 1000).toFixed(3)}`);
