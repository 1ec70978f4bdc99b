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

const child = spawn(process.execPath, ["--import", "tsx", "apps/server/src/main.ts"], {
  cwd: root,
  stdio: "inherit",
  env: { JIANGXIN_DEMO: "1", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
