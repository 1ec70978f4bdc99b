/**
 * Outcome of checking user input. Validators return this instead of throwing so forms can show
 * the message next to the field; `position` (1-based) lets the UI point at the offending character.
 */
export type CheckResult<T> = { ok: true; value: T } | { ok: false; message: string; position?: number };
