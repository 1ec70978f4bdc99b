import { agreementCorrectionSchema } from "@jiangxin/domain";
import { agreementInputSchema, agreementListQuerySchema, agreementSchema, agreementStatusInputSchema, checkInInputSchema, errorBodySchema, pageOf } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { addCheckIn, closeAgreement, createForActor, getForActor, listForActor, markMilestoneDone } from "./service";
import { correctAgreement, voidAgreement } from "./correctAgreement";
import { correctionRoutes } from "../corrections/correctionRoutes";

const tags = ["一对一协议 agreements"];
const idParams = z.object({ id: z.uuid({ error: "协议编号格式不正确" }) });
const milestoneParams = idParams.extend({ mid: z.uuid({ error: "里程碑编号格式不正确" }) });
const writeResponses = { 200: agreementSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

export function agreementRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/agreements",
    { config: { permission: "agreement.read" }, schema: { tags, summary: "一对一技术支持协议列表", querystring: agreementListQuerySchema, response: { 200: pageOf(agreementSchema), 400: errorBodySchema } } },
    (request) => listForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/agreements/:id",
    { config: { permission: "agreement.read" }, schema: { tags, summary: "协议详情(里程碑、回访)", params: idParams, response: { 200: agreementSchema, 404: errorBodySchema } } },
    (request) => getForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/agreements",
    {
      config: { permission: "agreement.write" },
      schema: { tags, summary: "签订一对一技术支持协议", body: agreementInputSchema, response: { 201: agreementSchema, 400: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await createForActor(ctx, actorOfRequest(request), request.body)),
  );

  app.post(
    "/api/agreements/:id/check-ins",
    { config: { permission: "agreement.write" }, schema: { tags, summary: "记录回访", params: idParams, body: checkInInputSchema, response: writeResponses } },
    (request) => addCheckIn(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.post(
    "/api/agreements/:id/milestones/:mid/done",
    { config: { permission: "agreement.write" }, schema: { tags, summary: "里程碑完成", params: milestoneParams, response: writeResponses } },
    (request) => markMilestoneDone(ctx, actorOfRequest(request), request.params.id, request.params.mid),
  );

  app.post(
    "/api/agreements/:id/status",
    { config: { permission: "agreement.write" }, schema: { tags, summary: "协议完成或终止", params: idParams, body: agreementStatusInputSchema, response: writeResponses } },
    (request) => closeAgreement(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  correctionRoutes(app, ctx, {
    path: "/api/agreements",
    noun: "协议",
    tags,
    idParams,
    readPermission: "agreement.read",
    writePermission: "agreement.write",
    correctionSchema: agreementCorrectionSchema,
    recordSchema: agreementSchema,
    read: getForActor,
    correct: correctAgreement,
    void: voidAgreement,
  });
}
