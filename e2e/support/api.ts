import { csrfHeader, type SessionInfo } from "@jiangxin/domain";
import type { RunningServer } from "./startServer";

export const demoPassword = "Shili#2026ok";

export interface ApiClient {
  session: SessionInfo;
  /** The session's Cookie header, for a raw fetch (an upload's body). */
  cookie: string;
  get<T>(path: string): Promise<T>;
  post<T>(path: string, body: unknown): Promise<T>;
}

/**
 * The real API as one demo account, from node: used to set up records the journey does not need to
 * click through, and to read what the screen should show. Any non-2xx answer fails loudly.
 */
export async function apiAs(server: RunningServer, username: string): Promise<ApiClient> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: demoPassword }),
  });
  if (login.status !== 200) throw new Error(`login as ${username} answered ${login.status}: ${await login.text()}`);
  const session = (await login.json()) as SessionInfo;
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");

  async function call<T>(method: "GET" | "POST", path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { cookie, accept: "application/json" };
    if (method !== "GET") headers[csrfHeader] = session.csrfToken;
    if (body !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} as ${username} answered ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
  return { session, cookie, get: (path) => call("GET", path), post: (path, body) => call("POST", path, body) };
}

/** The current year as the server counts it (China time), which is what the indicators group by. */
export function chinaYear(now: Date = new Date()): number {
  return Number(new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 4));
}
