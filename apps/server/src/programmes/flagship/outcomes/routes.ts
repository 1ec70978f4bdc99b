import { errorBodySchema, outcomeInputSchema, outcomeSchema, outcomeVerifySchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { listOutcomes, recordOutcome, verifyOutcome } from "./service";

const tags = ["成效 outcomes"];

export function outcomeRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/outcomes",
    {
      config: { permission: "outcome.read" },
      schema: { tags, summary: "成效记录(按难题或协议)", querystring: z.object({ problemId: z.uuid().optional(), agreementId: z.uuid().optional() }), response: { 200: z.array(outcomeSchema) } },
    },
    (request) => listOutcomes(ctx, actorOfRequest(request), request.query),
  );
  app.post(
    "/api/outcomes",
    { config: { permission: "outcome.write" }, schema: { tags, summary: "登记预估成效", body: outcomeInputSchema, response: { 201: outcomeSchema, 400: errorBodySchema, 404: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await recordOutcome(ctx, actorOfRequest(request), request.body)),
  );
  app.post(
    "/api/outcomes/:id/verify",
    {
      config: { permission: "outcome.verify" },
      schema: { tags, summary: "核实成效(经企业确认)", params: z.object({ id: z.uuid({ error: "编号格式不正确" }) }), body: outcomeVerifySchema, response: { 200: outcomeSchema, 404: errorBodySchema, 409: errorBodySchema } },
    },
    (request) => verifyOutcome(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
