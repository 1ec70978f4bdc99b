import { z } from "zod";
import { permissions } from "./permissions";
import { regionCodeSchema } from "./region";
import { roleSchema } from "./roles";

export const totpCodeSchema = z.string().trim().regex(/^\d{6}$/, "请输入6位动态验证码");

export const loginRequestSchema = z.strictObject({
  username: z.string().trim().min(1, "请输入用户名").max(64, "用户名不超过64个字符"),
  password: z.string().min(1, "请输入密码").max(256, "密码过长"),
  /** The authenticator app's 6-digit code, for an account with a TOTP second factor. */
  totpCode: totpCodeSchema.optional(),
});

/** GET /api/auth/totp: whether the account has a second factor, and whether it must have one. */
export const totpStatusSchema = z.object({ enabled: z.boolean(), required: z.boolean() });
export type TotpStatus = z.infer<typeof totpStatusSchema>;
/** POST /api/auth/totp/enrol: a new secret to scan; it takes effect once a code from it is confirmed. */
export const totpEnrolmentSchema = z.object({ secret: z.string(), otpauthUrl: z.string(), qrDataUrl: z.string() });
export type TotpEnrolment = z.infer<typeof totpEnrolmentSchema>;
export const totpConfirmSchema = z.strictObject({ code: totpCodeSchema });
export type TotpConfirm = z.infer<typeof totpConfirmSchema>;
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1, "请输入当前密码").max(256, "密码过长"),
  // The policy needs the user's context words, so the server applies checkPassword() itself.
  newPassword: z.string().min(1, "请输入新密码").max(256, "密码过长"),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const sessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  /** Bound region for staff (330000 for the province); the enterprise's county for an enterprise. */
  regionCode: regionCodeSchema.nullable(),
  regionName: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** What /api/auth/me and /api/auth/login answer. The client sends csrfToken back as `x-csrf-token`. */
export const sessionInfoSchema = z.object({
  user: sessionUserSchema,
  permissions: z.array(z.enum(permissions)),
  csrfToken: z.string(),
  /** ISO times at which the session ends if idle, and at the latest. */
  idleExpiresAt: z.string(),
  absoluteExpiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const csrfHeader = "x-csrf-token";
export const sessionCookie = "jx_session";
