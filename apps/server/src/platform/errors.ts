import type { ErrorCode } from "@jiangxin/domain";

/** The one error type. `message` is shown to the user as is, so it is Chinese and actionable. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
    /** The record a CONFLICT is about, when the caller may see it. */
    readonly existingId?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const errorStatus: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  LOGIN_FAILED: 401,
  ACCOUNT_LOCKED: 423,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_REJECTED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SERVICE_UNAVAILABLE: 503,
  IDEMPOTENCY_KEY_REUSED: 422,
  // 2xx: the write is saved (see errorHandler); the body says its result could not be read back.
  SAVED: 202,
  TOTP_REQUIRED: 401,
  TOTP_ENROLMENT_REQUIRED: 403,
};

export const notFound = (what = "记录") => new AppError("NOT_FOUND", `${what}不存在或无权查看`);
