import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { DimacsError, parseDimacs, type DimacsProblem } from "./dimacs";
import { networkSimplex } from "./networkSimplex";

/**
 * `match FILE`: solves a DIMACS min-cost flow file and prints the DIMACS answer (`s COST`, one
 * `f FROM TO FLOW` line per arc with flow) and `c time SECONDS` for building the solver's network
 * and solving it; reading and parsing the file are not timed, to compare with other solvers' cores.
 */
function main(args: readonly string[]): number {
  const file = args[0];
  if (!file || args.length > 1) {
    process.stderr.write("usage: npm run -s match -- FILE.min\n");
    return 2;
  }
  let problem: DimacsProblem;
  try {
    problem = parseDimacs(readFileSync(file));
  } catch (error) {
    if (error instanceof DimacsError) {
      process.stderr.write(`${file}:${error.line}: ${error.message.replace(/^line \d+: /, "")}\n`);
      return 1;
    }
    if (error instanceof Error && "code" in error) {
      process.stderr.write(`${file}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const start = performance.now();
  const result = networkSimplex(problem.network);
  const seconds = (performance.now() - start) / 1000;

  if (result.status === "unbounded") {
    process.stderr.write(`${file}:${problem.problemLine}: unbounded: a cycle of negative cost has unlimited capacity\n`);
    return 1;
  }
  if (result.status === "infeasible") {
    process.stderr.write(`${file}:${infeasibleMessage(problem, result.stranded)}\n`);
    return 1;
  }
  const { source, target, arcCount } = problem.network;
  const out: string[] = [`s ${result.cost}`];
  for (let a = 0; a < arcCount; a++) {
    const f = result.flow[a]!;
    if (f > 0) out.push(`f ${source[a]! + 1} ${target[a]! + 1} ${f}`);
  }
  out.push(`c time ${seconds.toFixed(3)}`);
  process.stdout.write(out.join("\n") + "\n");
  return 0;
}

/** Names the lines behind an infeasibility: the supplies that cannot reach a demand, or vice versa. */
function infeasibleMessage(problem: DimacsProblem, stranded: readonly number[]): string {
  const { supply, nodeCount } = problem.network;
  if (stranded.length === 0) {
    let sum = 0;
    for (let v = 0; v < nodeCount; v++) sum += supply[v]!;
    return `${problem.problemLine}: infeasible: supplies sum to ${sum}, not 0`;
  }
  const shown = stranded.slice(0, 5).map((v) => {
    const where = problem.nodeLines[v] ? `line ${problem.nodeLines[v]}` : "arc lower bounds";
    return `node ${v + 1} (${where})`;
  });
  const more = stranded.length > 5 ? ` and ${stranded.length - 5} more` : "";
  const first = problem.nodeLines[stranded[0]!] || problem.problemLine;
  return `${first}: infeasible: the arc capacities cannot carry the supplies and demands of ${shown.join(", ")}${more}`;
}

process.exitCode = main(process.argv.slice(2));
