import type { FormRule } from "antd";
import type { FieldSchema } from "../../../app/zodRule";

/** Like zodRule, for a field that may be left empty: an empty InputNumber reports null, meaning "not given". */
export function optionalRule(schema: FieldSchema): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      if (value === undefined || value === null || value === "") return Promise.resolve();
      const result = schema.safeParse(value);
      if (!result.success) return Promise.reject(new Error(result.error.issues[0]?.message ?? "填写有误"));
      return Promise.resolve();
    },
  };
}
