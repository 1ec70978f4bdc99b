import type { FormRule } from "antd";

/** The slice of a zod schema this helper needs; any field schema from @jiangxin/domain fits. */
export interface FieldSchema {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly { message: string }[] } };
}

/**
 * Turns a domain field schema (e.g. `enterpriseInputSchema.shape.name`) into an antd Form rule, so
 * the form shows exactly the message the server would send for the same value.
 *
 * `emptyMessage` replaces zod's type error for an untouched field: antd reports an empty Select as
 * undefined, for which zod would say "expected string" rather than "please choose".
 */
export function zodRule(schema: FieldSchema, emptyMessage?: string): FormRule {
  return {
    validator: (_rule, value: unknown) => {
      const isEmpty = value === undefined || value === null || (typeof value === "string" && value.trim() === "");
      if (isEmpty && emptyMessage) return Promise.reject(new Error(emptyMessage));
      const result = schema.safeParse(value ?? "");
      if (!result.success) return Promise.reject(new Error(result.error.issues[0]?.message ?? "填写有误"));
      return Promise.resolve();
    },
  };
}
