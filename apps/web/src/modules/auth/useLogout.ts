import { App } from "antd";
import { useCallback } from "react";
import { useNavigate } from "react-router-dom";
import { clearSession } from "../../app/sessionCache";
import { logout } from "./api";

/** Ends the session on the server, then forgets everything fetched under it. */
export function useLogout(): () => Promise<void> {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return useCallback(async () => {
    try {
      await logout();
    } catch {
      // The session may already be gone on the server; leaving locally is still right.
    }
    clearSession();
    // Navigating in the same tick stops the login gate from recording this page as the place to return to.
    await navigate("/login", { replace: true });
    void message.success("已退出登录");
  }, [navigate, message]);
}
