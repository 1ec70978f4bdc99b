import { unsafeInputIssues } from "@jiangxin/domain";
import type { FastifySchemaCompiler } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import type { $ZodType } from "zod/v4/core";

// fastify-type-provider-zod marks its validation issues with this registered symbol; the error handler
// recognises them by it and answers a field-level 400, so our issues travel the same road as zod's.
const zodValidationIssue = Symbol.for("ZodFastifySchemaValidationError");

/**
 * The zod validator compiler with the domain's input-safety check in front of every schema: params,
 * query strings and bodies of every route are checked for control characters, impossible dates and
 * out-of-range numbers in one place (packages/domain/src/inputSafety.ts), before any route code runs.
 */
export const safeValidatorCompiler: FastifySchemaCompiler<$ZodType> = (route) => {
  const inner = validatorCompiler(route);
  return (data) => {
    const issues = unsafeInputIssues(data);
    if (issues.length === 0) return inner(data);
    return {
      error: issues.map((issue) => ({
        [zodValidationIssue]: true,
        keyword: "custom",
        instancePath: issue.path === "_" ? "" : `/${issue.path.split(".").join("/")}`,
        schemaPath: "#/inputSafety",
        message: issue.message,
        params: {},
      })),
    };
  };
};
