import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { outcomeCodes } from "@jiangxin/domain";
import { allocateCsvRound, CsvRoundError } from "./csvRound";

/**
 * `npm run -s allocate -- DIR --seed=SEED --year=YEAR --no-repeat-years=N`: the recuperation draw for
 * auditors, the same code as the web's rounds (issue 14; docs/recuperation.md). Reads DIR/sessions.csv,
 * DIR/unions.csv and DIR/applications.csv, writes DIR/allocation.csv, prints a summary and
 * `c time SECONDS` (reading and writing included). A bad file: `FILE:LINE: message`, exit 1.
 */
const usage = "usage: npm run -s allocate -- DIR --seed=SEED --year=YEAR --no-repeat-years=N\n";

export function main(args: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  let dir: string | undefined;
  const opts: Record<string, string> = {};
  for (const arg of args) {
    const m = /^--(seed|year|no-repeat-years)=(.*)$/s.exec(arg);
    if (m) opts[m[1]!] = m[2]!;
    else if (!arg.startsWith("--") && dir === undefined) dir = arg;
    else {
      err(`unknown argument: ${arg}\n${usage}`);
      return 2;
    }
  }
  const year = Number(opts.year);
  const noRepeatYears = Number(opts["no-repeat-years"]);
  if (!dir || !opts.seed || !Number.isInteger(year) || !Number.isInteger(noRepeatYears) || noRepeatYears < 0) {
    err(usage);
    return 2;
  }
  const start = performance.now();
  const path = (name: string) => join(dir, name);
  let files;
  try {
    files = { sessions: readFileSync(path("sessions.csv")), unions: readFileSync(path("unions.csv")), applications: readFileSync(path("applications.csv")) };
  } catch (error) {
    err(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  let run;
  try {
    run = allocateCsvRound(files, { seed: opts.seed, year, noRepeatYears });
  } catch (error) {
    if (error instanceof CsvRoundError) {
      err(`${path(error.file)}:${error.line}: ${error.detail}\n`);
      return 1;
    }
    throw error;
  }
  writeFileSync(path("allocation.csv"), run.output);
  const seconds = (performance.now() - start) / 1000;
  const { outcome } = run.result;
  let placed = 0;
  for (let i = 0; i < outcome.length; i++) if (outcome[i] === outcomeCodes.placed) placed++;
  out(`c applications ${outcome.length} eligible ${run.result.order.length} placed ${placed}\n`);
  out(`c time ${seconds.toFixed(3)}\n`);
  return 0;
}

if (process.argv[1] && /allocateCli\.ts$/.test(process.argv[1])) {
  process.exitCode = main(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s));
}
