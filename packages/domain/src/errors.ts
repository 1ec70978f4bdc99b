import { z } from "zod";

/** Every error the API returns has one of these codes; the server maps each to one HTTP status. */
export const errorCodes = [
  "VALIDATION_FAILED",
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "LOGIN_FAILED",
  "ACCOUNT_LOCKED",
  "PASSWORD_CHANGE_REQUIRED",
  "CSRF_REJECTED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "RATE_LIMITED",
  "INTERNAL",
  /** The database cannot be reached for now; the answer carries Retry-After. */
  "SERVICE_UNAVAILABLE",
  /** An Idempotency-Key sent again with a different request. */
  "IDEMPOTENCY_KEY_REUSED",
  /** The write was saved, but reading its result back failed: the client must not submit it again. */
  "SAVED",
  /** Right password, and the account has a TOTP second factor: send the 6-digit code with it. */
  "TOTP_REQUIRED",
  /** The account must enrol a TOTP second factor (JIANGXIN_REQUIRE_TOTP) before anything else. */
  "TOTP_ENROLMENT_REQUIRED",
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The JSON body of every error response. `fields` maps a field path ("contact.phone") to a Chinese message. */
export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
  /** A 409 for a record that already exists names it, when the caller may see it (a duplicate person). */
  existingId: z.string().optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;

/** The statuses an error answer may have in a route's OpenAPI response map. */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

/**
 * A route's error answers for its response map, each with the one error body:
 * `response: { 200: itemSchema, ...errorResponses(400, 404, 409) }`.
 */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]): Record<S, typeof errorBodySchema> {
  return Object.fromEntries(statuses.map((status) => [status, errorBodySchema])) as Record<S, typeof errorBodySchema>;
}
