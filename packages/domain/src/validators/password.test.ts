import { describe, it, expect } from "vitest";
import { checkPassword, passwordPolicyText } from "./password";

describe("checkPassword", () => {
  it("accepts a password that meets every rule and returns it unchanged", () => {
    expect(checkPassword("Tide-Glass-42", ["zhangsan"])).toEqual({ ok: true, value: "Tide-Glass-42" });
  });

  it("requires at least 12 characters", () => {
    expect(checkPassword("Abcdefg1")).toEqual({ ok: false, message: "密码至少12位" });
    expect(checkPassword("Ab1!xyzwvut")).toEqual({ ok: false, message: "密码至少12位" });
    expect(checkPassword("Ab1!xyzwvuts").ok).toBe(true);
  });

  it("keeps the demo password valid", () => {
    expect(checkPassword("Shili#2026ok", ["province", "省总工会管理员"]).ok).toBe(true);
  });

  it("takes a long passphrase without symbol classes", () => {
    expect(checkPassword("tide glass harbour lamp").ok).toBe(true);
    expect(checkPassword("aaaaaaaaaaaaaaaaaaaa")).toEqual({ ok: false, message: "密码至少包含6个不同的字符" });
  });

  it("rejects passwords from the shipped common-password list, also when decorated", () => {
    const message = "这是常见密码(或在常见密码前后加了数字、符号)，请换一个";
    expect(checkPassword("1q2w3e4r5t6y")).toMatchObject({ ok: false });
    expect(checkPassword("Sunshine2026!")).toEqual({ ok: false, message });
    expect(checkPassword("!!Football1234")).toEqual({ ok: false, message });
    expect(checkPassword("Q1w2e3r4t5y6").ok).toBe(false);
  });

  it("rejects absurdly long passwords", () => {
    expect(checkPassword("Ab1!" + "x".repeat(200))).toEqual({ ok: false, message: "密码不超过128位" });
  });

  it("requires three of the four character classes", () => {
    const message = "密码需包含大写字母、小写字母、数字、符号中的至少三类(或使用16位以上的短语)";
    expect(checkPassword("tideglass42x")).toEqual({ ok: false, message });
    expect(checkPassword("TIDEGLASS!!!")).toEqual({ ok: false, message });
    expect(checkPassword("tideglass42!").ok).toBe(true);
    expect(checkPassword("TideGlass42x").ok).toBe(true);
    expect(checkPassword("TIDE!GLASS4X").ok).toBe(true);
  });

  it("rejects common passwords and fragments, case-insensitively", () => {
    expect(checkPassword("MyPassword12!")).toEqual({ ok: false, message: "密码不能包含常见词“password”" });
    expect(checkPassword("Xx12345678-ab")).toEqual({ ok: false, message: "密码不能包含常见词“12345678”" });
    expect(checkPassword("WoAiNi-2024-x")).toEqual({ ok: false, message: "密码不能包含常见词“woaini”" });
    expect(checkPassword("1qaz@WSXedc!!")).toEqual({ ok: false, message: "密码不能包含常见词“1qaz”" });
    expect(checkPassword("Jiangxin#2024x")).toEqual({ ok: false, message: "密码不能包含常见词“jiangxin”" });
  });

  it("sees through full-width letters", () => {
    expect(checkPassword("Ｐａｓｓｗｏｒｄ１２３!")).toMatchObject({ ok: false, message: "密码不能包含常见词“password”" });
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
    expect(passwordPolicyText).toContain("至少12位");
    expect(passwordPolicyText).not.toContain("\n");
  });
});
