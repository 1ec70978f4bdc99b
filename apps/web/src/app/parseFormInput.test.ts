import { outcomeInputSchema, trainingInputSchema } from "@jiangxin/domain";
import type { FormInstance } from "antd";
import { describe, expect, it } from "vitest";
import { parseFormInput } from "./parseFormInput";

/** Records what would be put on the form's fields and in its alert. */
function fakeForm() {
  const placed: { name: string; errors: string[] }[] = [];
  const alerts: (string | null)[] = [];
  const form = { setFields: (f: { name: string; errors: string[] }[]) => placed.push(...f) } as unknown as FormInstance;
  return { form, placed, alerts, onFormError: (m: string | null) => alerts.push(m) };
}

describe("parseFormInput", () => {
  it("returns the parsed input and touches nothing when the values are valid", () => {
    const { form, placed, alerts, onFormError } = fakeForm();
    const input = parseFormInput(form, outcomeInputSchema, { problemId: "1cac84a7-9a63-4f0a-b7a7-c90a346ca007", economicBenefitYuan: " 1200 " }, ["economicBenefitYuan"], onFormError);
    // The parsed output, as the server would see it (trimmed).
    expect(input).toMatchObject({ economicBenefitYuan: "1200" });
    expect(placed).toEqual([]);
    expect(alerts).toEqual([]);
  });

  it("puts one message on each field and sends the rest to the form's alert", () => {
    const { form, placed, alerts, onFormError } = fakeForm();
    const input = parseFormInput(form, outcomeInputSchema, { economicBenefitYuan: "abc" }, ["economicBenefitYuan"], onFormError);
    expect(input).toBeUndefined();
    expect(placed.map((p) => p.name)).toEqual(["economicBenefitYuan"]);
    expect(placed[0]?.errors).toHaveLength(1);
    // The "one subject" rule names problemId, which this form does not show.
    expect(alerts).toEqual(["成效须对应一个难题或一份协议"]);
  });

  it("clears the alert when every message found its field", () => {
    const { form, placed, alerts, onFormError } = fakeForm();
    expect(parseFormInput(form, trainingInputSchema, {}, Object.keys(trainingInputSchema.shape), onFormError)).toBeUndefined();
    expect(placed.length).toBeGreaterThan(0);
    expect(new Set(placed.map((p) => p.name)).size).toBe(placed.length);
    expect(alerts).toEqual([null]);
  });
});
