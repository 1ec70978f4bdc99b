import { csrfHeader, sessionCookie } from "@jiangxin/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeUscc, makeUser } from "../fixtures/factories";
import { loginAs, startTestApp, type Agent, type TestApp } from "../testing/testApp";

const valid = () => ({ uscc: makeUscc("330127"), name: "输入测试企业", industry: "C", countyCode: "330127", size: "small", nonPublic: true, contactName: "孙主任", contactPhone: "13712345678" });

describe("bad input answers 4xx with a Chinese, field-level message, never 500", () => {
  let t: TestApp;
  let a: Agent;
  let headers: Record<string, string>;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    await makeUser(t.ctx.database.db, "province", { username: "inputs" });
    a = await loginAs(t, "inputs");
    headers = { cookie: `${sessionCookie}=${a.cookie}`, [csrfHeader]: a.info.csrfToken, "content-type": "application/json" };
  });
  afterAll(() => t.close());

  const send = (payload: string, extra: Record<string, string> = {}) => t.app.inject({ method: "POST", url: "/api/enterprises", headers: { ...headers, ...extra }, payload });

  it("malformed JSON", async () => {
    const res = await send("{\"name\": ");
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: "BAD_REQUEST", message: "请求内容不是有效的 JSON" });
  });

  it("an oversized body", async () => {
    const res = await send(JSON.stringify({ ...valid(), name: "大".repeat(2 * 1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json<{ message: string }>().message).toBe("提交的内容过大");
  });

  it("unknown fields, wrong types and missing fields, each named", async () => {
    const res = await send(JSON.stringify({ ...valid(), nonPublic: "yes", size: 3, contactName: undefined, isAdmin: true }));
    expect(res.statusCode).toBe(400);
    const body = res.json<{ code: string; fields: Record<string, string> }>();
    expect(body.code).toBe("VALIDATION_FAILED");
    expect(body.fields).toEqual({
      nonPublic: "请选择是否为非公企业",
      size: "请选择企业规模",
      contactName: "此项为必填项",
      isAdmin: "不支持的字段“isAdmin”",
    });
  });

  it("a wrong check character in the credit code says which character", async () => {
    const v = valid();
    const wrong = v.uscc.slice(0, 17) + (v.uscc[17] === "0" ? "1" : "0");
    const res = await send(JSON.stringify({ ...v, uscc: wrong }));
    expect(res.statusCode).toBe(400);
    expect(res.json<{ fields: Record<string, string> }>().fields.uscc).toMatch(/第18位/);
  });

  it("bad query and path parameters", async () => {
    expect((await a.get("/api/enterprises?page=0")).json<{ fields: Record<string, string> }>().fields).toEqual({ page: "页码从1开始" });
    expect((await a.get("/api/enterprises?pageSize=abc")).statusCode).toBe(400);
    expect((await a.get("/api/enterprises/12345")).json<{ fields: Record<string, string> }>().fields).toEqual({ id: "企业编号格式不正确" });
    expect((await a.get("/api/regions/tree?on=2025-13-45")).statusCode).toBe(400);
    expect((await a.get("/api/enterprises?regionCode=999999")).json<{ fields: Record<string, string> }>().fields).toEqual({ regionCode: "区划代码不存在" });
  });

  it("an empty body, a non-object body and an unknown route", async () => {
    expect((await send("")).statusCode).toBe(400);
    expect((await send("[1,2]")).statusCode).toBe(400);
    expect((await send("null")).statusCode).toBe(400);
    const missing = await a.get("/api/nothing-here");
    expect(missing.statusCode).toBe(404);
    expect(missing.json<{ code: string }>().code).toBe("NOT_FOUND");
  });

  it("leaves nothing half-saved: a refused create does not exist afterwards", async () => {
    const v = valid();
    await send(JSON.stringify({ ...v, contactPhone: "92012345678" }));
    const list = await a.get(`/api/enterprises?q=${v.uscc}`);
    expect(list.json<{ total: number }>().total).toBe(0);
  });
});
