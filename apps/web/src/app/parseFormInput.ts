import type { FormInstance } from "antd";

/** The slice of a zod schema this needs; every input schema in @jiangxin/domain fits. */
export interface InputSchema<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Checks what a form is about to send with the server's own schema, so the messages match and
 * nothing invalid leaves the browser. On failure each message goes next to the field its path starts
 * with (the first message a field gets, as zod lists the rules in order), and the messages that name
 * no field of this form (a rule across fields, a field the form does not show) go to `onFormError`
 * as one line, so nothing the schema said is lost. Returns the parsed input, or undefined.
 */
export function parseFormInput<T>(
  form: FormInstance,
  schema: InputSchema<T>,
  values: unknown,
  fieldNames: readonly string[],
  onFormError: (message: string | null) => void,
): T | undefined {
  const parsed = schema.safeParse(values);
  if (parsed.success) return parsed.data;
  const known = new Set(fieldNames);
  const byField = new Map<string, string>();
  const unplaced: string[] = [];
  for (const issue of parsed.error.issues) {
    const head = issue.path[0];
    if (typeof head === "string" && known.has(head)) {
      if (!byField.has(head)) byField.set(head, issue.message);
    } else if (!unplaced.includes(issue.message)) unplaced.push(issue.message);
  }
  form.setFields([...byField].map(([name, message]) => ({ name, errors: [message] })));
  onFormError(unplaced.length > 0 ? unplaced.join("；") : null);
  return undefined;
}
