import { csrfHeader, errorBodySchema } from "@jiangxin/domain";
import { ApiError } from "./ApiError";
import { getCachedSession, refreshSession } from "./sessionCache";
import { markSessionExpired, sessionExpiredMessage } from "./sessionExpiry";

/** Any zod schema from @jiangxin/domain fits; typed structurally so the app needs no zod import of its own. */
export interface Parser<T> {
  parse(data: unknown): T;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /**
   * False for the auth calls themselves: a 401 from /login or /me is an answer ("not signed in",
   * "wrong password"), not a sign that the session in hand has expired.
   */
  expireSessionOn401?: boolean;
  /**
   * The Idempotency-Key of a POST. Left out, one is made per submission: the same request again while
   * the first is on its way or within 10 s after it (a double click) carries the same key, so the
   * server runs it once and answers both with the first answer.
   */
  idempotencyKey?: string;
}

/** How long a finished submission's key is reused for the identical request (a late double click). */
const repeatWindowMs = 10_000;
/** Retries of a POST whose answer never came or said "try again" (same key, so never saved twice). */
const retryDelaysMs = [700, 2000];
const submissions = new Map<string, { key: string; until: number }>();

/** Random key from getRandomValues: randomUUID needs a secure context, and the app may run on plain HTTP. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function submissionKey(signature: string): string {
  const now = Date.now();
  for (const [sig, entry] of submissions) if (entry.until < now) submissions.delete(sig);
  const known = submissions.get(signature);
  if (known) return known.key;
  const key = newKey();
  submissions.set(signature, { key, until: Number.POSITIVE_INFINITY });
  return key;
}

function submissionSettled(signature: string, key: string): void {
  const entry = submissions.get(signature);
  if (entry?.key === key) entry.until = Date.now() + repeatWindowMs;
}

/** No answer, a gateway's, or the server's "busy / database unavailable": worth the same request again. */
const retriable = (status: number) => status === 0 || status === 502 || status === 503 || status === 504;

function retryDelay(attempt: number, response: Response | null): number {
  const base = retryDelaysMs[attempt] ?? 2000;
  const asked = Number(response?.headers.get("retry-after"));
  return Number.isFinite(asked) && asked > 0 ? Math.min(Math.max(base, asked * 1000), 5000) : base;
}

function buildUrl(path: string, query: Record<string, QueryValue> | undefined): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    // Empty filters are left out so the server applies its defaults instead of matching "".
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => "");
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: a proxy or gateway answered instead of our server; handled below.
  }
  const body = errorBodySchema.safeParse(parsed);
  if (body.success) return new ApiError(response.status, body.data);
  return new ApiError(response.status, {
    code: response.status >= 500 ? "INTERNAL" : "BAD_REQUEST",
    message: `服务暂时不可用（HTTP ${response.status}），请稍后重试`,
  });
}

/** Calls the API and validates the answer with the domain schema. */
export async function request<T>(path: string, options: RequestOptions & { schema: Parser<T> }): Promise<T>;
/** Calls an endpoint that answers with no body (204). */
export async function request(path: string, options?: RequestOptions): Promise<void>;
export async function request<T>(path: string, options: RequestOptions & { schema?: Parser<T> } = {}): Promise<T | void> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET") {
    // The session cookie alone must not be enough to change anything (CSRF); the token proves
    // the call comes from this app, which read it from /api/auth/me.
    const token = getCachedSession()?.csrfToken;
    if (token) headers[csrfHeader] = token;
  }

  const url = buildUrl(path, options.query);
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  // A POST carries one key for the whole submission, retries included, so it is saved at most once.
  const signature = `${method} ${url}\n${body ?? ""}`;
  const key = method === "POST" ? (options.idempotencyKey ?? submissionKey(signature)) : undefined;
  if (key) headers["idempotency-key"] = key;

  let response: Response | null = null;
  try {
    for (let attempt = 0; ; attempt++) {
      response = null;
      try {
        response = await fetch(url, { method, headers, credentials: "include", body, signal: options.signal });
      } catch (cause) {
        if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
      }
      if (!key || attempt >= retryDelaysMs.length || !retriable(response?.status ?? 0)) break;
      await new Promise((resolve) => setTimeout(resolve, retryDelay(attempt, response)));
    }
  } finally {
    if (key && !options.idempotencyKey) submissionSettled(signature, key);
  }
  if (!response) throw new ApiError(0, { code: "INTERNAL", message: "无法连接服务器，请检查网络后重试" });

  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && options.expireSessionOn401 !== false) {
      // The page stays mounted (what is being typed survives) and SessionExpiredModal asks for the
      // password on top; with no session in hand, RequireSession sends the user to /login instead.
      const hadSession = getCachedSession() !== null;
      markSessionExpired();
      if (hadSession) throw new ApiError(401, { code: error.code, message: sessionExpiredMessage });
    } else if (error.code === "PASSWORD_CHANGE_REQUIRED") {
      // The server knows better than our cached copy (e.g. an administrator reset the password):
      // refetching /me flips mustChangePassword and RequireSession moves the user to /password.
      void refreshSession();
    } else if (error.code === "TOTP_ENROLMENT_REQUIRED" && window.location.pathname !== "/account/totp") {
      // A province or city administrator without a second factor (JIANGXIN_REQUIRE_TOTP): enrol first.
      window.location.assign("/account/totp");
    }
    throw error;
  }

  if (response.status === 202) {
    // "Saved, but its result could not be read back": not a success the page can show, not a failure to retry.
    const saved = errorBodySchema.safeParse(await response.clone().json().catch(() => null));
    if (saved.success && saved.data.code === "SAVED") throw new ApiError(202, saved.data);
  }
  if (response.status === 204 || !options.schema) return;
  const data: unknown = await response.json();
  try {
    return options.schema.parse(data);
  } catch (cause) {
    console.error(`Unexpected response shape from ${method} ${path}`, cause);
    throw new ApiError(response.status, { code: "INTERNAL", message: "服务器返回的数据格式有误，请联系管理员" });
  }
}
