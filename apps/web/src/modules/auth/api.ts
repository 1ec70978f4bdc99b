import {
  sessionInfoSchema,
  totpEnrolmentSchema,
  totpStatusSchema,
  type ChangePasswordRequest,
  type LoginRequest,
  type SessionInfo,
  type TotpEnrolment,
  type TotpStatus,
} from "@jiangxin/domain";
import { ApiError } from "../../app/ApiError";
import { request } from "../../app/request";

/** The signed-in session, or null when there is none (401 is the normal "not signed in" answer). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionInfo | null> {
  try {
    return await request("/api/auth/me", { schema: sessionInfoSchema, signal, expireSessionOn401: false });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function login(body: LoginRequest): Promise<SessionInfo> {
  return request("/api/auth/login", { method: "POST", body, schema: sessionInfoSchema, expireSessionOn401: false });
}

export function logout(): Promise<void> {
  return request("/api/auth/logout", { method: "POST", expireSessionOn401: false });
}

export function changePassword(body: ChangePasswordRequest): Promise<void> {
  return request("/api/auth/password", { method: "POST", body });
}

export function fetchTotpStatus(): Promise<TotpStatus> {
  return request("/api/auth/totp", { schema: totpStatusSchema });
}

export function enrolTotp(): Promise<TotpEnrolment> {
  return request("/api/auth/totp/enrol", { method: "POST", schema: totpEnrolmentSchema });
}

export function confirmTotp(code: string): Promise<TotpStatus> {
  return request("/api/auth/totp/confirm", { method: "POST", body: { code }, schema: totpStatusSchema });
}
