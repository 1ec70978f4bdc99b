import { correctionListSchema, errorBodySchema, pageOf, trainingCorrectionSchema, trainingInputSchema, trainingListQuerySchema, trainingSchema, voidInputSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { createForActor, getForActor, listForActor } from "./service";
import { correctTraining, voidTraining } from "./correctTraining";
import { listCorrections } from "../corrections/recordCorrection";

const tags = ["培训 trainings"];
const idParams = z.object({ id: z.uuid({ error: "培训编号格式不正确" }) });

export function trainingRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/trainings",
    { config: { permission: "training.read" }, schema: { tags, summary: "培训列表", querystring: trainingListQuerySchema, response: { 200: pageOf(trainingSchema), 400: errorBodySchema } } },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/trainings/:id",
    { config: { permission: "training.read" }, schema: { tags, summary: "培训详情", params: idParams, response: { 200: trainingSchema, 404: errorBodySchema } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/trainings",
    {
      config: { permission: "training.write" },
      schema: { tags, summary: "登记培训(人次)", body: trainingInputSchema, response: { 201: trainingSchema, 400: errorBodySchema, 403: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );

  const writeResponses = { 200: trainingSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };
  app.post(
    "/api/trainings/:id/correct",
    { config: { permission: "training.write" }, schema: { tags, summary: "更正培训(须填理由)", params: idParams, body: trainingCorrectionSchema, response: writeResponses } },
    (request) => correctTraining(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post(
    "/api/trainings/:id/void",
    { config: { permission: "record.void" }, schema: { tags, summary: "作废培训(须填理由，不再计入统计)", params: idParams, body: voidInputSchema, response: writeResponses } },
    (request) => voidTraining(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get(
    "/api/trainings/:id/corrections",
    { config: { permission: "training.read" }, schema: { tags, summary: "培训的更正记录", params: idParams, response: { 200: correctionListSchema, 404: errorBodySchema } } },
    async (request) => {
      await getForActor(ctx, actorOfRequest(request), request.params.id);
      return listCorrections(ctx.database.db, request.params.id);
    },
  );
}
