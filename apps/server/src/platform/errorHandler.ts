import type { ErrorBody } from "@jiangxin/domain";
import type { FastifyError, FastifyInstance } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { isDatabaseUnavailable } from "./db/isDatabaseUnavailable";
import { AppError, errorStatus } from "./errors";

/** Seconds a client is asked to wait before retrying while the database is unreachable. */
export const databaseRetryAfterSeconds = 5;

type ValidationIssue = { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> };

const partLabels: Record<string, string> = { body: "请求内容", querystring: "查询参数", params: "路径参数", headers: "请求头" };

/** Turns zod issues into `{ "contact.phone": "…" }`; the first message per field wins. */
export function fieldsFromIssues(issues: ValidationIssue[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of issues) {
    if (issue.keyword === "unrecognized_keys" && Array.isArray(issue.params.keys)) {
      for (const key of issue.params.keys as string[]) {
        const prefix = issue.instancePath.split("/").filter(Boolean).join(".");
        fields[prefix ? `${prefix}.${key}` : key] ??= `不支持的字段“${key}”`;
      }
      continue;
    }
    const path = issue.instancePath.split("/").filter(Boolean).join(".") || "_";
    fields[path] ??= issue.message ?? "格式不正确";
  }
  return fields;
}

function fastifyErrorToBody(error: FastifyError): { status: number; body: ErrorBody } | undefined {
  switch (error.code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return { status: 413, body: { code: "PAYLOAD_TOO_LARGE", message: "提交的内容过大" } };
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return { status: 415, body: { code: "UNSUPPORTED_MEDIA_TYPE", message: "请以 JSON 格式提交(Content-Type: application/json)" } };
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return { status: 400, body: { code: "BAD_REQUEST", message: "请求内容为空，应为 JSON" } };
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return { status: 400, body: { code: "BAD_REQUEST", message: "请求内容不是有效的 JSON" } };
  }
  if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_CONTENT_LENGTH") {
    return { status: 400, body: { code: "BAD_REQUEST", message: "请求内容不是有效的 JSON" } };
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return { status: error.statusCode, body: { code: error.statusCode === 404 ? "NOT_FOUND" : "BAD_REQUEST", message: "请求无效" } };
  }
  return undefined;
}

/** One place that turns every thrown thing into `{code, message, fields}`; nothing unexpected leaks. */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      const body: ErrorBody = {
        code: error.code,
        message: error.message,
        ...(error.fields ? { fields: error.fields } : {}),
        ...(error.existingId ? { existingId: error.existingId } : {}),
      };
      return reply.status(errorStatus[error.code]).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields = fieldsFromIssues(error.validation);
      const part = partLabels[error.validationContext ?? "body"] ?? "请求";
      const first = Object.values(fields)[0] ?? "格式不正确";
      const body: ErrorBody = { code: "VALIDATION_FAILED", message: `${part}有误：${first}`, fields };
      return reply.status(400).send(body);
    }
    if (request.writes?.committed) {
      // The change is saved; only what came after COMMIT failed (typically reading the result back). A 5xx
      // would invite the user to submit again and save it twice, so the answer says it is saved.
      request.log.error({ err: error }, "error after a committed write");
      const body: ErrorBody = { code: "SAVED", message: "已保存，但暂时无法显示保存结果；请稍后刷新查看，不要重复提交" };
      return reply.status(errorStatus.SAVED).send(body);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, "database unavailable");
      const body: ErrorBody = { code: "SERVICE_UNAVAILABLE", message: "数据库暂时不可用，请稍后重试" };
      return reply.status(errorStatus.SERVICE_UNAVAILABLE).header("retry-after", String(databaseRetryAfterSeconds)).send(body);
    }
    const mapped = fastifyErrorToBody(error);
    if (mapped) return reply.status(mapped.status).send(mapped.body);
    request.log.error({ err: error }, "unhandled error");
    const body: ErrorBody = { code: "INTERNAL", message: "服务器内部错误，请稍后重试；如持续出现请联系管理员" };
    return reply.status(500).send(body);
  });
}
