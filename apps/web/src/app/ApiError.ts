import type { ErrorBody, ErrorCode } from "@jiangxin/domain";

/**
 * What every failed API call throws: the server's error body plus the HTTP status, so pages can
 * show `message` as-is (it is already Chinese and meant for the user) and forms can place `fields`.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: Record<string, string>;
  /** A 409's existing record, when the server may name it (a duplicate person). */
  readonly existingId: string | undefined;

  constructor(status: number, body: ErrorBody) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.fields = body.fields ?? {};
    this.existingId = body.existingId;
  }
}

/** The message to show for anything a query or mutation may throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return "出现了意外错误，请稍后重试";
}
