import { errorBodySchema, pageOf, trainingCorrectionSchema, trainingInputSchema, trainingListQuerySchema, trainingSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { createForActor, getForActor, listForActor } from "./service";
import { correctTraining, voidTraining } from "./correctTraining";
import { correctionRoutes } from "../corrections/correctionRoutes";

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

  correctionRoutes(app, ctx, {
    path: "/api/trainings",
    noun: "培训",
    tags,
    idParams,
    readPermission: "training.read",
    writePermission: "training.write",
    correctionSchema: trainingCorrectionSchema,
    recordSchema: trainingSchema,
    read: getForActor,
    correct: correctTraining,
    void: voidTraining,
  });
}
