import { buildApp } from "./app";
import { loadDemoData } from "./fixtures/demo";
import { ensureFirstAdmin } from "./platform/auth/ensureFirstAdmin";
import { loadConfig } from "./platform/config";
import { createContext } from "./createContext";
import { secureDataFolder } from "./platform/secureDataFolder";

// Files this process creates (data key, exports written to disk, logs) are its own user's only.
process.umask(0o077);

const config = loadConfig();
const ctx = await createContext(config);

let banner: string[] = [];
if (config.demo) {
  const demo = await loadDemoData(ctx, config.demoScale);
  banner = demo
    ? [
        ...demo.lines,
        `Demo accounts (password for all: ${demo.accounts[0]?.password}):`,
       ...demo.accounts.map((a) => `  ${a.username.padEnd(10)} ${a.role.padEnd(10)} ${a.displayName} (${ctx.regions.get(a.region)?.name ?? a.region})`)]
    : ["演示数据已存在 Demo data already loaded. Accounts: province, hangzhou, chunan, wuyi, qiye, expert, worker, jiceng (password Shili#2026ok unless changed)."];
} else {
  const admin = await ensureFirstAdmin(ctx);
  if (admin === "created") banner = [`Administrator "${config.admin?.username}" created; the password must be changed at first login.`];
  if (admin === "unconfigured") banner = ["No users yet: set JIANGXIN_ADMIN_USERNAME and JIANGXIN_ADMIN_PASSWORD and restart to create the first administrator."];
}

const { app, servesWeb } = await buildApp(ctx);
const shutdown = async (signal: string) => {
  app.log.info(`${signal}: shutting down`);
  await app.close();
  await ctx.database.close();
  // PGlite creates files 0666 whatever the umask: tighten what it wrote since the start.
  if (ctx.database.kind === "pglite") secureDataFolder(config.dataDir);
  process.exit(0);
};
process.once("SIGINT", () => void shutdown("SIGINT"));
process.once("SIGTERM", () => void shutdown("SIGTERM"));

await app.listen({ port: config.port, host: config.host });
const url = `http://localhost:${config.port}`;
console.log(
  [
    "",
    `匠心 Jiangxin is running at ${url}  (API docs: ${url}/docs)`,
    `Database: ${ctx.database.kind === "pglite" ? `embedded PGlite in ${config.dataDir}` : "PostgreSQL server"}${servesWeb ? "" : "  (web app not built: run npm run build:web)"}`,
    ...banner,
    // Since the process began, so module loading and TypeScript transpiling count too.
    `Started in ${process.uptime().toFixed(1)} s`,
    "",
  ].join("\n"),
);
