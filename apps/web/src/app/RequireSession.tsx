import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router-dom";
import { FullScreenSpin } from "./components/FullScreenSpin";
import { QueryErrorResult } from "./components/QueryErrorResult";
import { useSessionState } from "./session";

/** Where the user wanted to go, kept in router state so the login page can send them back. */
export interface LoginRedirectState {
  from: { pathname: string; search: string; hash: string };
}

/**
 * Gate for everything behind login. It also enforces a pending password change: the server refuses
 * every other call until then (PASSWORD_CHANGE_REQUIRED), so no other page could work anyway.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { session, isLoading, error, refetch } = useSessionState();
  const location = useLocation();

  if (isLoading) return <FullScreenSpin tip="正在确认登录状态…" />;
  if (!session && error) {
    return (
      <div style={{ paddingTop: 80 }}>
        <QueryErrorResult title="无法连接匠心平台" error={error} onRetry={refetch} />
      </div>
    );
  }
  if (!session) {
    const state: LoginRedirectState = { from: { pathname: location.pathname, search: location.search, hash: location.hash } };
    return <Navigate to="/login" replace state={state} />;
  }
  if (session.user.mustChangePassword && location.pathname !== "/password") {
    return <Navigate to="/password" replace />;
  }
  return children;
}
