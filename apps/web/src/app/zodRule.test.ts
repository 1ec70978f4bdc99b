import { enterpriseInputSchema } from "@jiangxin/domain";
import type { RuleObject } from "antd/es/form";
import { describe, expect, it } from "vitest";
import { zodRule } from "./zodRule";

async function messageFor(rule: ReturnType<typeof zodRule>, value: unknown): Promise<string | null> {
  const validator = (rule as RuleObject).validator;
  if (!validator) throw new Error("zodRule must produce a validator rule");
  try {
    await validator({}, value, () => undefined);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

describe("zodRule", () => {
  const shape = enterpriseInputSchema.shape;

  it("passes a valid value", async () => {
    await expect(messageFor(zodRule(shape.contactPhone), "13812345678")).resolves.toBeNull();
  });

  it("shows the domain schema's own Chinese message", async () => {
    await expect(messageFor(zodRule(shape.name), "厂")).resolves.toBe("企业名称至少2个字");
    await expect(messageFor(zodRule(shape.uscc), "91330127ABC")).resolves.toContain("18位");
  });

  it("uses the empty message for an untouched select instead of zod's type error", async () => {
    await expect(messageFor(zodRule(shape.industry, "请选择行业门类"), undefined)).resolves.toBe("请选择行业门类");
    await expect(messageFor(zodRule(shape.name, "请填写企业名称"), "   ")).resolves.toBe("请填写企业名称");
  });
});
