/**
 * Whether an error means "the database cannot be reached right now" (a retry later may succeed) rather
 * than a bug: the answer is then 503 with Retry-After, not 500. Drizzle wraps driver errors, so the whole
 * `cause` chain is read.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (unavailableNodeCodes.has(code) || unavailableSqlStates.has(code) || code.startsWith("08"))) return true;
    if (typeof message === "string" && unavailableMessages.some((m) => message.includes(m))) return true;
  }
  return false;
}

/** Socket-level failures on the way to a PostgreSQL server. */
const unavailableNodeCodes = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/**
 * SQLSTATEs of a server going away or turning clients away (class 08 is matched by prefix): shutdown,
 * crash recovery, starting up, too many connections, backend terminated by an administrator.
 */
const unavailableSqlStates = new Set(["57P01", "57P02", "57P03", "53300", "57P05"]);

/** node-postgres and PGlite report these without a code. */
const unavailableMessages = [
  "Connection terminated",
  "Client has encountered a connection error",
  "Client was closed and is not queryable",
  "timeout exceeded when trying to connect",
  "Cannot use a pool after calling end",
  "PGlite is closed",
];
