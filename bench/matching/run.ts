// Benchmark: our network simplex against LEMON's on the issue's instance families.
//   npm run -s bench:matching            province scale (about 10 minutes on 2 cores)
//   npm run -s bench:matching -- --small twenty times smaller, for CI
// Needs g++ and Debian's liblemon-dev; installs nothing, builds the driver into bench/matching/.build/.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildAssignmentModel, formatDimacs } from "@jiangxin/matching";
import { families, generateCampaign, smallFamilies, type FamilySpec } from "./generateCampaign";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const args = process.argv.slice(2);
const small = args.includes("--small");
const only = args.find((a) => a.startsWith("--only="))?.slice("--only=".length);
const repeat = Number(args.find((a) => a.startsWith("--repeat="))?.slice("--repeat=".length) ?? (small ? 3 : 1));

interface Run {
  readonly cost: string;
  readonly seconds: number;
}

/** Targets from the issue: slack families within 2x of LEMON, tight and scarce within 3x. */
const targetOf = (name: string) => (name.startsWith("tight") || name === "scarce" ? 3 : 2);

function buildDriver(): string {
  const source = join(here, "lemon_driver.cpp");
  const binary = join(here, ".build", "lemon_driver");
  if (existsSync(binary) && statSync(binary).mtimeMs >= statSync(source).mtimeMs) return binary;
  if (!existsSync("/usr/include/lemon/network_simplex.h")) {
    throw new Error("LEMON headers not found: apt-get install -y liblemon-dev");
  }
  mkdirSync(dirname(binary), { recursive: true });
  execFileSync("g++", ["-O2", "-std=c++17", "-o", binary, source, "-llemon"], { stdio: "inherit" });
  return binary;
}

function parseRun(who: string, file: string, result: ReturnType<typeof spawnSync>): Run {
  const out = String(result.stdout);
  if (result.status !== 0) throw new Error(`${who} failed on ${file}: ${String(result.stderr)}`);
  const cost = /^s (-?\d+)$/m.exec(out)?.[1];
  const seconds = /^c time ([\d.e+-]+)$/m.exec(out)?.[1];
  if (cost === undefined || seconds === undefined) throw new Error(`${who}: unexpected output on ${file}`);
  return { cost, seconds: Number(seconds) };
}

function best(runs: Run[]): Run {
  return runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
}

function runFamily(spec: FamilySpec, dir: string, driver: string) {
  const t0 = performance.now();
  const model = buildAssignmentModel(generateCampaign(spec));
  const file = join(dir, `${spec.name.replace(/[^a-z0-9-]/g, "_")}.min`);
  writeFileSync(file, formatDimacs(model.network, `jiangxin matching benchmark: ${spec.name}, seed ${spec.seed}`));
  const generated = (performance.now() - t0) / 1000;
  const ours: Run[] = [];
  const lemon: Run[] = [];
  for (let i = 0; i < repeat; i++) {
    const o = spawnSync(process.execPath, ["--import", "tsx", join(root, "packages/matching/src/cli.ts"), file], {
      cwd: root,
      maxBuffer: 1 << 30,
    });
    ours.push(parseRun("ours", file, o));
    lemon.push(parseRun("LEMON", file, spawnSync(driver, [file], { maxBuffer: 1 << 20 })));
  }
  const o = best(ours);
  const l = best(lemon);
  if (o.cost !== l.cost) throw new Error(`${spec.name}: costs differ, ours ${o.cost}, LEMON ${l.cost}`);
  return {
    name: spec.name,
    nodes: model.network.nodeCount,
    arcs: model.network.arcCount,
    cost: o.cost,
    ours: o.seconds,
    lemon: l.seconds,
    ratio: o.seconds / Math.max(l.seconds, 1e-6),
    generated,
  };
}

function main() {
  const driver = buildDriver();
  const dir = mkdtempSync(join(tmpdir(), "jiangxin-matching-"));
  try {
    const specs = (small ? smallFamilies : families).filter((f) => !only || f.name === only);
    console.log(`${small ? "small" : "full"} families, best of ${repeat}; times are network build + solve${small ? " (targets apply to the full families only)" : ""}`);
    console.log("family         nodes     arcs        cost                ours s   LEMON s  ratio  target");
    const rows = [];
    for (const spec of specs) {
      const r = runFamily(spec, dir, driver);
      rows.push(r);
      console.log(
        `${r.name.padEnd(13)} ${String(r.nodes).padStart(6)} ${String(r.arcs).padStart(8)}  ${r.cost.padStart(18)}  ${r.ours.toFixed(3).padStart(8)}  ${r.lemon.toFixed(3).padStart(8)}  ${r.ratio.toFixed(2).padStart(5)}  ${
          // At the small size the ratio measures JavaScript's start-up, not the solver: no target applies.
          small ? "-" : `${targetOf(r.name)}x${r.ratio <= targetOf(r.name) ? "" : " (missed)"}`
        }`,
      );
    }
    const geomean = Math.exp(rows.reduce((s, r) => s + Math.log(r.ratio), 0) / rows.length);
    console.log(`geometric mean of ratios: ${geomean.toFixed(2)}; all optimal costs equal`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
