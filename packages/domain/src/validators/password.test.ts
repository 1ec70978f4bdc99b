import { describe, it, expect } from "vitest";
import { checkPassword, passwordPolicyText } from "./password";

describe("checkPassword", () => {
  it("accepts a password that meets every rule and returns it unchanged", () => {
    expect(checkPassword("Tide-Glass-42", ["zhangsan"])).toEqual({ ok: true, value: "Tide-Glass-42" });
  });

  it("requires at least 8 characters", () => {
    expect(checkPassword("Ab1!xyz")).toEqual({ ok: false, message: "密码至少8位" });
    expect(checkPassword("Ab1!xyzw").ok).toBe(true);
  });

  it("rejects absurdly long passwords", () => {
    expect(checkPassword("Ab1!" + "x".repeat(200))).toEqual({ ok: false, message: "密码不超过128位" });
  });

  it("requires three of the four character classes", () => {
    const message = "密码需包含大写字母、小写字母、数字、符号中的至少三类";
    expect(checkPassword("tideglass42")).toEqual({ ok: false, message });
    expect(checkPassword("TIDEGLASS!!")).toEqual({ ok: false, message });
    expect(checkPassword("tideglass42!").ok).toBe(true);
    expect(checkPassword("TideGlass42").ok).toBe(true);
    expect(checkPassword("TIDE!GLASS4").ok).toBe(true);
  });

  it("rejects common passwords and fragments, case-insensitively", () => {
    expect(checkPassword("MyPassword1!")).toEqual({ ok: false, message: "密码不能包含常见词“password”" });
    expect(checkPassword("Xx12345678")).toEqual({ ok: false, message: "密码不能包含常见词“12345678”" });
    expect(checkPassword("WoAiNi-2024")).toEqual({ ok: false, message: "密码不能包含常见词“woaini”" });
    expect(checkPassword("1qaz@WSXedc")).toEqual({ ok: false, message: "密码不能包含常见词“1qaz”" });
    expect(checkPassword("Jiangxin#2024")).toEqual({ ok: false, message: "密码不能包含常见词“jiangxin”" });
  });

  it("sees through full-width letters", () => {
    expect(checkPassword("Ｐａｓｓｗｏｒｄ１!")).toMatchObject({ ok: false, message: "密码不能包含常见词“password”" });
  });

  it("rejects passwords containing personal information", () => {
    expect(checkPassword("ZhangSan#2024", ["zhangsan", "张三"])).toEqual({
      ok: false,
      message: "密码不能包含用户名等个人信息“zhangsan”",
    });
    expect(checkPassword("Hello-zhangsan9", ["zhangsan@example.com"])).toEqual({
      ok: false,
      message: "密码不能包含用户名等个人信息“zhangsan”",
    });
  });

  it("ignores context words shorter than 3 characters", () => {
    expect(checkPassword("Li-Tide-Glass42", ["li"]).ok).toBe(true);
  });
});

describe("passwordPolicyText", () => {
  it("is one line mentioning the length rule", () => {
    expect(passwordPolicyText).toContain("至少8位");
    expect(passwordPolicyText).not.toContain("\n");
  });
});
