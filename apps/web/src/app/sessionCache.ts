import type { SessionInfo } from "@jiangxin/domain";
import { queryClient } from "./queryClient";

/**
 * The session lives in the TanStack Query cache under one key, so the fetch wrapper (outside React)
 * and the session context (inside React) read and clear the same value.
 */
export const sessionQueryKey = ["session"] as const;

export function getCachedSession(): SessionInfo | null {
  return queryClient.getQueryData<SessionInfo | null>(sessionQueryKey) ?? null;
}

export function setCachedSession(session: SessionInfo | null): void {
  queryClient.setQueryData<SessionInfo | null>(sessionQueryKey, session);
}

/** Forgets the session and every record fetched under it, so the next user never sees them. */
export function clearSession(): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  setCachedSession(null);
}

/** Asks /api/auth/me again, e.g. after a password change or when the server says one is required. */
export function refreshSession(): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: sessionQueryKey });
}
