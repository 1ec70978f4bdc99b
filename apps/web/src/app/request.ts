import { csrfHeader, errorBodySchema } from "@jiangxin/domain";
import { ApiError } from "./ApiError";
import { clearSession, getCachedSession, refreshSession } from "./sessionCache";

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

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      credentials: "include",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === "AbortError") throw cause;
    throw new ApiError(0, { code: "INTERNAL", message: "无法连接服务器，请检查网络后重试" });
  }

  if (!response.ok) {
    const error = await errorFromResponse(response);
    if (response.status === 401 && options.expireSessionOn401 !== false) {
      // RequireSession sees the cleared session and sends the user to /login, remembering the page.
      clearSession();
    } else if (error.code === "PASSWORD_CHANGE_REQUIRED") {
      // The server knows better than our cached copy (e.g. an administrator reset the password):
      // refetching /me flips mustChangePassword and RequireSession moves the user to /password.
      void refreshSession();
    }
    throw error;
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
