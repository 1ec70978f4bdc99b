// Fuzzing every route of the app: fuzzed bodies for every write route, fuzzed query strings for every
// GET, fuzzed path parameters everywhere, as the province administrator on a small demo (embedded database).
//   npm run -s bench:fuzz                     1,000 requests per route
//   npm run -s bench:fuzz -- --runs=200 --seed=7 --only=/api/problems
// Prints requests per route, the answers by status and every answer ≥ 500 (the target is none); exits 1 if any.
import { loadDemoData } from "../../apps/server/src/fixtures/demo";
import { fuzzRoutes } from "../../apps/server/src/testing/fuzzRoutes";
import { loginAs, startTestApp } from "../../apps/server/src/testing/testApp";

const args = process.argv.slice(2);
const arg = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const runsPerRoute = Number(arg("runs") ?? 1000);
const seed = Number(arg("seed") ?? 20261202);
const only = arg("only");

const started = performance.now();
const t = await startTestApp("pglite");
await loadDemoData(t.ctx, 0.002);
// Loading the demo blocks the event loop for seconds; let the load-shedding sample settle first.
await new Promise((resolve) => setTimeout(resolve, 1500));
console.log(`fuzz: ${runsPerRoute} requests per route, seed ${seed}${only ? `, routes under ${only}` : ""}`);
const report = await fuzzRoutes(t, () => loginAs(t, "province"), {
  runsPerRoute,
  seed,
  only: only ? (target) => target.url.startsWith(only) : undefined,
  onRoute: (target, n) => process.stdout.write(`  ${`${target.method} ${target.url}`.padEnd(60)} ${n}\n`),
});
await t.close();
const seconds = (performance.now() - started) / 1000;
const writes = [...report.byRoute.keys()].filter((k) => !k.startsWith("GET ")).length;
console.log(`\n${report.byRoute.size} routes (${writes} write routes, ${report.byRoute.size - writes} GET routes), ${report.requests} requests in ${seconds.toFixed(0)} s`);
console.log(`answers by status: ${[...report.statusCounts.entries()].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(", ")}`);
console.log(`answers ≥ 500: ${report.failures.length}`);
for (const f of report.failures.slice(0, 30)) console.log(`  ${f.status} ${f.method} ${f.url} ${JSON.stringify(f.body)?.slice(0, 200) ?? ""}\n      ${f.answer}`);
process.exit(report.failures.length === 0 ? 0 : 1);
