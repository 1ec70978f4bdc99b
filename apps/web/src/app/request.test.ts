import type { SessionInfo } from "@jiangxin/domain";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./ApiError";
import { request } from "./request";
import { getCachedSession, setCachedSession } from "./sessionCache";
import { isSessionExpired, sessionRestored } from "./sessionExpiry";

const session: SessionInfo = {
  user: { id: "u1", username: "chunan", displayName: "淳安县总工会", role: "county", regionCode: "330127", regionName: "淳安县", enterpriseId: null, mustChangePassword: false },
  permissions: ["session.self"],
  csrfToken: "token-123",
  idleExpiresAt: "2026-01-01T00:00:00Z",
  absoluteExpiresAt: "2026-01-01T00:00:00Z",
};

const fetchMock = vi.fn<typeof fetch>();

beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  setCachedSession(session);
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

describe("request", () => {
  it("sends the CSRF token on writes but not on reads", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await request("/api/x", { method: "POST", body: {} });
    await request("/api/x");
    const headersOf = (call: number) => fetchMock.mock.calls[call]?.[1]?.headers as Record<string, string>;
    expect(headersOf(0)["x-csrf-token"]).toBe("token-123");
    expect(headersOf(1)["x-csrf-token"]).toBeUndefined();
    expect(fetchMock.mock.calls[0]?.[1]?.credentials).toBe("include");
  });

  it("leaves empty filters out of the query string", async () => {
    fetchMock.mockResolvedValue(new Response(null, { status: 204 }));
    await request("/api/enterprises", { query: { page: 1, q: "", regionCode: undefined } });
    expect(fetchMock.mock.calls[0]?.[0]).toBe("/api/enterprises?page=1");
  });

  it("turns an error body into an ApiError with its fields", async () => {
    fetchMock.mockResolvedValue(json(400, { code: "VALIDATION_FAILED", message: "输入有误", fields: { uscc: "校验码不符" } }));
    const error = await request("/api/enterprises", { method: "POST", body: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: "VALIDATION_FAILED", message: "输入有误", fields: { uscc: "校验码不符" } });
  });

  it("keeps the session on a 401 under a session, says 登录已过期 and asks for the password on top, so the page and its form stay", async () => {
    fetchMock.mockResolvedValue(json(401, { code: "UNAUTHENTICATED", message: "登录已超时，请重新登录" }));
    const error = await request("/api/enterprises", { method: "POST", body: { name: "正在填写的企业" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).message).toMatch(/^登录已过期.*内容已保留/);
    // Not cleared: RequireSession would unmount the page (and the text being typed) otherwise.
    expect(getCachedSession()).toEqual(session);
    expect(isSessionExpired()).toBe(true);
    sessionRestored({ ...session, csrfToken: "token-456" });
    expect(isSessionExpired()).toBe(false);
    expect(getCachedSession()?.csrfToken).toBe("token-456");
  });

  it("forgets the session on a 401 when none was in hand, so the login gate takes over", async () => {
    setCachedSession(null);
    fetchMock.mockResolvedValue(json(401, { code: "UNAUTHENTICATED", message: "请先登录" }));
    await expect(request("/api/enterprises")).rejects.toMatchObject({ message: "请先登录" });
    expect(getCachedSession()).toBeNull();
    expect(isSessionExpired()).toBe(false);
  });

  it("keeps the session when the 401 is a login answer", async () => {
    fetchMock.mockResolvedValue(json(401, { code: "LOGIN_FAILED", message: "用户名或密码错误" }));
    await expect(request("/api/auth/login", { method: "POST", body: {}, expireSessionOn401: false })).rejects.toMatchObject({ message: "用户名或密码错误" });
    expect(getCachedSession()).not.toBeNull();
  });

  it("explains a non-JSON gateway error in Chinese", async () => {
    fetchMock.mockResolvedValue(new Response("<html>Bad Gateway</html>", { status: 502 }));
    await expect(request("/api/enterprises")).rejects.toMatchObject({ code: "INTERNAL", message: "服务暂时不可用（HTTP 502），请稍后重试" });
  });

  it("sends one Idempotency-Key per submission: a double click carries the same key, another body a new one", async () => {
    fetchMock.mockImplementation(() => Promise.resolve(json(201, { id: "t1" })));
    const keyOf = (call: number) => (fetchMock.mock.calls[call]?.[1]?.headers as Record<string, string>)["idempotency-key"];
    await Promise.all([request("/api/trainings", { method: "POST", body: { topic: "点检" } }), request("/api/trainings", { method: "POST", body: { topic: "点检" } })]);
    await request("/api/trainings", { method: "POST", body: { topic: "焊接" } });
    await request("/api/trainings");
    expect(keyOf(0)).toMatch(/^[0-9a-f]{32}$/);
    expect(keyOf(1)).toBe(keyOf(0));
    expect(keyOf(2)).not.toBe(keyOf(0));
    expect(keyOf(3)).toBeUndefined();
  });

  it("retries a POST whose answer was lost or 503, with the same key", async () => {
    fetchMock
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(json(503, { code: "SERVICE_UNAVAILABLE", message: "数据库暂时不可用，请稍后重试" }))
      .mockResolvedValueOnce(json(201, { id: "n1" }));
    await request("/api/problems/p1/notes", { method: "POST", body: { note: "重试" } });
    const keys = fetchMock.mock.calls.map((c) => (c[1]?.headers as Record<string, string>)["idempotency-key"]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
  });

  it("a 202 SAVED is reported as saved, not as data", async () => {
    fetchMock.mockResolvedValue(json(202, { code: "SAVED", message: "已保存，但暂时无法显示保存结果；请稍后刷新查看，不要重复提交" }));
    await expect(request("/api/trainings", { method: "POST", body: { topic: "已保存" }, schema: { parse: (x: unknown) => x } })).rejects.toMatchObject({ status: 202, code: "SAVED" });
  });

  it("explains a network failure in Chinese", async () => {
    fetchMock.mockRejectedValue(new TypeError("Failed to fetch"));
    await expect(request("/api/enterprises")).rejects.toMatchObject({ status: 0, message: "无法连接服务器，请检查网络后重试" });
  });
});
