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
] as const;
export const errorCodeSchema = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/** The JSON body of every error response. `fields` maps a field path ("contact.phone") to a Chinese message. */
export const errorBodySchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
