import type { FormInstance } from "antd";
import type { ApiError } from "./ApiError";

/**
 * Puts the server's field messages next to the matching form fields. Returns the messages that
 * name no field of this form, so the caller can still show them (nothing the server said is lost).
 */
export function applyFieldErrors(form: FormInstance, error: ApiError, fieldNames: readonly string[]): string[] {
  const known = new Set(fieldNames);
  const placed: { name: string[]; errors: string[] }[] = [];
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(error.fields)) {
    if (known.has(path)) placed.push({ name: path.split("."), errors: [message] });
    else unplaced.push(message);
  }
  form.setFields(placed);
  return unplaced;
}
