import { useSyncExternalStore } from "react";
import { queryClient } from "./queryClient";
import { clearSession, getCachedSession, sessionQueryKey, setCachedSession } from "./sessionCache";
import type { SessionInfo } from "@jiangxin/domain";

/**
 * A session that ran out while a page was open. Clearing it at once (as a plain logout does) would
 * unmount the page and lose whatever was being typed; instead the page stays, the API answers
 * 登录已过期, and SessionExpiredModal asks for the password on top. After signing in again the same
 * form is still filled in and can be submitted again.
 */
let expired = false;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export const sessionExpiredMessage = "登录已过期，请在弹出的窗口中重新登录；您正在填写的内容已保留，登录后再次提交即可";

export function isSessionExpired(): boolean {
  return expired;
}

/** Called on a 401 from a call made under a session. Without a session in hand there is nothing to keep. */
export function markSessionExpired(): void {
  if (!getCachedSession()) {
    clearSession();
    return;
  }
  if (!expired) {
    expired = true;
    emit();
  }
}

/** Signed in again as the same person: the page's data is fetched afresh, its form state untouched. */
export function sessionRestored(session: SessionInfo): void {
  setCachedSession(session);
  expired = false;
  emit();
  void queryClient.invalidateQueries({ predicate: (q) => q.queryKey[0] !== sessionQueryKey[0] });
}

/** Gave up on signing in again (退出): the ordinary logout path, to the login page. */
export function sessionAbandoned(): void {
  expired = false;
  clearSession();
  emit();
}

export function useSessionExpired(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isSessionExpired,
    isSessionExpired,
  );
}
