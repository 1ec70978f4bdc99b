import type { RoutePermission, SessionInfo } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import { fetchSession } from "../modules/auth/api";
import { sessionQueryKey } from "./sessionCache";

export interface SessionState {
  /** null: nobody is signed in. undefined only while the first /me call is in flight. */
  session: SessionInfo | null | undefined;
  isLoading: boolean;
  error: Error | null;
  refetch: () => void;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    // The session changes only through login, logout, a password change or a 401; all update the cache.
    staleTime: Infinity,
  });
  const { data, isLoading, error, refetch } = query;
  const value = useMemo<SessionState>(
    () => ({ session: data, isLoading, error, refetch: () => void refetch() }),
    [data, isLoading, error, refetch],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error("useSessionState must be used inside <SessionProvider>");
  return state;
}

/** The session of the signed-in user; only for components rendered under <RequireSession>. */
export function useSession(): SessionInfo {
  const { session } = useSessionState();
  if (!session) throw new Error("useSession must be used under <RequireSession>");
  return session;
}

/** Whether the signed-in user holds a permission; the server enforces the same table. */
export function useCan(): (permission: RoutePermission) => boolean {
  const { permissions } = useSession();
  return useMemo(() => {
    const held = new Set<string>(permissions);
    return (permission: RoutePermission) => permission === "public" || held.has(permission);
  }, [permissions]);
}
