import { describe, expect, it } from "vitest";
import { auditActionOptions, auditObjectOf } from "./auditObjects";

describe("audit log objects and actions", () => {
  it("names an object's type in Chinese and links the ones that have a page", () => {
    expect(auditObjectOf("serviceSession", "6f1c")).toEqual({ label: "服务场次", href: "/service-sessions/6f1c" });
    expect(auditObjectOf("plan", "x")).toEqual({ label: "指派方案", href: null });
    expect(auditObjectOf("enterprise", null)).toEqual({ label: "企业", href: null });
  });
  it("offers actions by Chinese name, none by code", () => {
    const login = auditActionOptions.find((o) => o.value === "auth.login");
    expect(login?.label).toBe("登录");
    for (const option of auditActionOptions) expect(option.label, option.value).not.toMatch(/^[a-z.]+$/i);
  });
});
