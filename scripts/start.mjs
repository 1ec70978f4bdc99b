// `npm start`: build the web app if its sources are newer than the build, then run the server.
// Demo mode is on unless JIANGXIN_DEMO says otherwise, so a fresh clone shows a working system.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const dist = path.join(root, "apps/web/dist/index.html");

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = [path.join(root, "apps/web/src"), path.join(root, "packages/domain/src")];
const sourceFiles = [path.join(root, "apps/web/index.html"), path.join(root, "apps/web/vite.config.ts")].filter(existsSync);
const sourceTime = Math.max(...sources.map(newest), ...sourceFiles.map((f) => statSync(f).mtimeMs));
if (!existsSync(dist) || statSync(dist).mtimeMs < sourceTime) {
  console.log("Building the web app (first start or sources changed)…");
  const build = spawnSync("npm", ["run", "-s", "build", "-w", "apps/web"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// A small supervisor: if the server dies anyway (a crash, kill -9, out of memory), start it again after
// a back-off (1 s, doubling to 30 s; back to 1 s once a run lasted a minute). A server that cannot even
// start (bad configuration) is given up on after 5 quick failures in a row. Ctrl-C / SIGTERM stop both.
// In production a service manager does this job (docs/operations.md has a systemd unit).
const quickFailureMs = 10_000;
const maxQuickFailures = 5;
let child;
let stopping = false;
let delayMs = 1000;
let quickFailures = 0;

function run() {
  const startedAt = Date.now();
  child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
    cwd: root,
    stdio: "inherit",
    env: { JIANGXIN_DEMO: "1", ...process.env },
  });
  child.on("exit", (code, signal) => {
    if (stopping || code === 0) process.exit(code ?? (signal ? 1 : 0));
    const ranMs = Date.now() - startedAt;
    if (ranMs >= 60_000) delayMs = 1000;
    quickFailures = ranMs < quickFailureMs ? quickFailures + 1 : 0;
    if (quickFailures >= maxQuickFailures) {
      console.error(`The server failed to start ${quickFailures} times in a row; giving up.`);
      process.exit(code ?? 1);
    }
    console.error(`The server stopped (${signal ?? `exit code ${code}`}) after ${(ranMs / 1000).toFixed(1)} s; restarting in ${delayMs / 1000} s.`);
    setTimeout(run, delayMs);
    delayMs = Math.min(delayMs * 2, 30_000);
  });
}

for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (child && child.exitCode === null && child.signalCode === null) child.kill(signal);
    else process.exit(0);
  });
}
run();
