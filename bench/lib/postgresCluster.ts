// A throwaway PostgreSQL cluster the benchmark can stop, kill and start again (scripts/with-postgres.sh
// does the same for the test suite but keeps the cluster to itself).
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export type PostgresCluster = {
  url: string;
  start(): void;
  /** `pg_ctl stop -m immediate`: the server dies without a checkpoint, as on a power cut. */
  stopImmediately(): void;
  remove(): void;
};

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const address = s.address();
      s.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const versions = readdirSync("/usr/lib/postgresql").sort((a, b) => Number(a) - Number(b));
  const version = versions.at(-1);
  if (!version) throw new Error("PostgreSQL server binaries not found: apt-get install -y postgresql");
  const bin = `/usr/lib/postgresql/${version}/bin`;
  const root = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root; use the package's own account when we are root.
  const run = (cmd: string, args: string[]) =>
    root ? execFileSync("runuser", ["-u", "postgres", "--", `${bin}/${cmd}`, ...args], { stdio: "pipe" }) : execFileSync(`${bin}/${cmd}`, args, { stdio: "pipe" });
  const dir = mkdtempSync(join(tmpdir(), "jx-bench-pg-"));
  chmodSync(dir, 0o755);
  if (root) execFileSync("chown", ["postgres", dir]);
  const port = await freePort();
  run("initdb", ["-D", `${dir}/data`, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"]);
  const start = () => {
    run("pg_ctl", ["-D", `${dir}/data`, "-l", `${dir}/server.log`, "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200`, "start"]);
  };
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stopImmediately: () => {
      run("pg_ctl", ["-D", `${dir}/data`, "-m", "immediate", "stop"]);
    },
    remove: () => {
      spawnSync(root ? "runuser" : `${bin}/pg_ctl`, root ? ["-u", "postgres", "--", `${bin}/pg_ctl`, "-D", `${dir}/data`, "-m", "immediate", "stop"] : ["-D", `${dir}/data`, "-m", "immediate", "stop"], { stdio: "ignore" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
