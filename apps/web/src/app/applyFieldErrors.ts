import type { FormInstance } from "antd";
import { ApiError, errorMessage } from "./ApiError";

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

/**
 * A failed save, shown: field messages go next to their fields, and what is left (messages naming no
 * field of this form, or a whole-request error) comes back as the form-level message, or null.
 */
export function formErrorOf(form: FormInstance, error: unknown, fieldNames: readonly string[]): string | null {
  if (error instanceof ApiError && Object.keys(error.fields).length > 0) {
    const leftover = applyFieldErrors(form, error, fieldNames);
    return leftover.length > 0 ? leftover.join("；") : null;
  }
  return errorMessage(error);
}
