/**
 * One check applied to every request body, query string and path parameter before its own schema
 * (the server's validator compiler calls it), so no route can forget it: text may hold no control
 * characters but line feed, carriage return and tab (PostgreSQL refuses NUL, and the others only
 * break exports and screens); a date written as a string lies in 1900–2100 (year 0000 does not exist
 * in PostgreSQL and nothing in this domain is that old or that far ahead); a number is finite and
 * within what a bigint column holds exactly. Each schema's own limits still apply after this.
 */
export type InputIssue = { path: string; message: string };

// C0 controls but \t \n \r, DEL, C1 controls, and the lone surrogates a JSON string can smuggle in.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const forbiddenCharacter = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const dateLike = /^([+-]?\d{4,6})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

export const minInputYear = 1900;
export const maxInputYear = 2100;

export const inputSafetyMessages = {
  control: "不能包含控制字符(如 NUL)",
  date: `日期应在${minInputYear}年至${maxInputYear}年之间`,
  dateInvalid: "日期无效",
  number: "数值超出范围",
  depth: "内容嵌套过深",
} as const;

/** The problem with one string, or undefined when it is acceptable anywhere. */
export function unsafeTextIssue(text: string): string | undefined {
  if (forbiddenCharacter.test(text)) return inputSafetyMessages.control;
  const date = dateLike.exec(text);
  if (date) {
    const year = Number(date[1]);
    if (year < minInputYear || year > maxInputYear) return inputSafetyMessages.date;
    const month = Number(date[2]);
    const day = Number(date[3]);
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return inputSafetyMessages.dateInvalid;
  }
  return undefined;
}

/**
 * Walks any parsed JSON or query object and names every unacceptable value by its dotted path. It runs on
 * every request, so it walks with one path stack and makes a path's text only for an issue found.
 */
export function unsafeInputIssues(value: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  walk(value, [], 0, issues);
  return issues;
}

function walk(value: unknown, path: string[], depth: number, issues: InputIssue[]): void {
  if (depth > 32) {
    issues.push({ path: pathText(path), message: inputSafetyMessages.depth });
    return;
  }
  if (typeof value === "string") {
    const message = unsafeTextIssue(value);
    if (message) issues.push({ path: pathText(path), message });
  } else if (typeof value === "number") {
    if (!(Number.isFinite(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER)) issues.push({ path: pathText(path), message: inputSafetyMessages.number });
  } else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(String(i));
      walk(value[i], path, depth + 1, issues);
      path.pop();
    }
  } else if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      if (unsafeTextIssue(key) === inputSafetyMessages.control) {
        path.push("_");
        issues.push({ path: pathText(path), message: inputSafetyMessages.control });
        path.pop();
      }
      path.push(key);
      walk((value as Record<string, unknown>)[key], path, depth + 1, issues);
      path.pop();
    }
  }
}

function pathText(path: readonly string[]): string {
  return path.join(".") || "_";
}
