import {
  errorBodySchema,
  serviceSessionCorrectionSchema,
  linkProblemsInputSchema,
  linkProblemsResultSchema,
  onSiteProblemInputSchema,
  pageOf,
  problemSchema,
  serviceSessionInputSchema,
  serviceSessionListQuerySchema,
  serviceSessionSchema,
  threeListsSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { addOnSiteProblem } from "./addOnSiteProblem";
import { linkProblems } from "./linkProblems";
import { createForActor, getForActor, listForActor, threeListsForActor } from "./service";
import { sessionExports } from "./sessionExports";
import { correctSession, voidSession } from "./correctSession";
import { correctionRoutes } from "../corrections/correctionRoutes";

const tags = ["服务场次 service sessions"];
const idParams = z.object({ id: z.uuid({ error: "场次编号格式不正确" }) });

export function serviceSessionRoutes(app: HttpApp, ctx: AppContext): void {
  sessionExports(app, ctx);
  app.get(
    "/api/service-sessions",
    {
      config: { permission: "serviceSession.read" },
      schema: { tags, summary: "服务场次列表", querystring: serviceSessionListQuerySchema, response: { 200: pageOf(serviceSessionSchema), 400: errorBodySchema } },
    },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/service-sessions/:id",
    { config: { permission: "serviceSession.read" }, schema: { tags, summary: "服务场次详情", params: idParams, response: { 200: serviceSessionSchema, 404: errorBodySchema } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.get(
    "/api/service-sessions/:id/three-lists",
    {
      config: { permission: "serviceSession.read" },
      schema: { tags, summary: "现场三张清单:难题—专家—进度", params: idParams, response: { 200: threeListsSchema, 404: errorBodySchema } },
    },
    (request) => threeListsForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/service-sessions",
    {
      config: { permission: "serviceSession.write" },
      schema: { tags, summary: "安排服务场次", body: serviceSessionInputSchema, response: { 201: serviceSessionSchema, 400: errorBodySchema, 403: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );

  app.post(
    "/api/service-sessions/:id/problems",
    {
      config: { permission: "serviceSession.onSite" },
      schema: { tags, summary: "现场新增难题", params: idParams, body: onSiteProblemInputSchema, response: { 201: problemSchema, 400: errorBodySchema, 404: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await addOnSiteProblem(ctx, actorOfRequest(request), request.params.id, request.body)),
  );

  app.post(
    "/api/service-sessions/:id/link-problems",
    {
      config: { permission: "serviceSession.write" },
      schema: {
        tags,
        summary: "将企业已提交的难题纳入场次",
        params: idParams,
        body: linkProblemsInputSchema,
        response: { 200: linkProblemsResultSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    (request) => linkProblems(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  correctionRoutes(app, ctx, {
    path: "/api/service-sessions",
    noun: "服务场次",
    tags,
    idParams,
    readPermission: "serviceSession.read",
    writePermission: "serviceSession.write",
    correctionSchema: serviceSessionCorrectionSchema,
    recordSchema: serviceSessionSchema,
    read: getForActor,
    correct: correctSession,
    void: voidSession,
  });
}
