// The real server as a child process (node --import tsx apps/server/src/main.ts), so a benchmark can
// kill -9 it, see whether it died on its own, and measure it over real sockets.
import { spawn, type ChildProcess } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

export type AppProcess = {
  baseUrl: string;
  /** Times the process exited without the benchmark asking. */
  deaths: number;
  start(): Promise<void>;
  kill9(): Promise<void>;
  stop(): Promise<void>;
  running(): boolean;
  /** The running server's process id (to read its CPU time), if it runs. */
  pid(): number | undefined;
};

export function appProcess(opts: { port: number; env: Record<string, string>; /** Extra node flags, e.g. --cpu-prof. */ nodeArgs?: string[]; onDeath?: (code: number | null, signal: string | null) => void }): AppProcess {
  type Run = { proc: ChildProcess; expected: boolean; up: boolean; exited: Promise<void> };
  let current: Run | null = null;
  const baseUrl = `http://127.0.0.1:${opts.port}`;
  const end = async (run: Run | null, signal: NodeJS.Signals) => {
    if (!run) return;
    run.expected = true;
    run.proc.kill(signal);
    await run.exited;
  };
  const app: AppProcess = {
    baseUrl,
    deaths: 0,
    async start() {
      const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), "--import", "tsx", "apps/server/src/main.ts"], {
        cwd: repoRoot,
        stdio: ["ignore", "ignore", "pipe"],
        env: { ...process.env, PORT: String(opts.port), HOST: "127.0.0.1", JIANGXIN_LOG_LEVEL: "error", JIANGXIN_WEB_DIST: "does-not-exist", ...opts.env },
      });
      let stderr = "";
      proc.stderr?.on("data", (d: Buffer) => {
        stderr = (stderr + d.toString()).slice(-4000);
      });
      let exited = () => {};
      const run: Run = { proc, expected: false, up: false, exited: new Promise<void>((resolve) => (exited = resolve)) };
      proc.on("exit", (code, signal) => {
        exited();
        if (current === run) current = null;
        // A failure to start is thrown by start() below; a death after serving is counted and reported.
        if (!run.expected && run.up) {
          app.deaths++;
          console.log(`  ! the server died on its own (${signal ?? `exit ${code}`}): ${stderr.split("\n").filter(Boolean).slice(-3).join(" | ")}`);
          opts.onDeath?.(code, signal);
        }
      });
      current = run;
      const deadline = Date.now() + 300_000;
      for (;;) {
        if (current !== run) throw new Error(`the server exited while starting: ${stderr}`);
        try {
          const res = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(1000) });
          if (res.ok) {
            run.up = true;
            return;
          }
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error("the server did not start within 300 s");
        await new Promise((r) => setTimeout(r, 200));
      }
    },
    kill9: () => end(current, "SIGKILL"),
    stop: () => end(current, "SIGTERM"),
    running: () => current !== null,
    pid: () => current?.proc.pid,
  };
  return app;
}

/** Logs in over HTTP and returns the cookie and CSRF token a browser would send. */
export async function login(baseUrl: string, username: string, password: string): Promise<{ cookie: string; csrf: string }> {
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username, password }) });
    if (res.ok) {
      const cookie = (res.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
      const body = (await res.json()) as { csrfToken: string };
      return { cookie, csrf: body.csrfToken };
    }
    if (attempt > 20) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

export const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
