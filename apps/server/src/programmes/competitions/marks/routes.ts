import { markInputSchema, verifyInputSchema, errorBodySchema, markSlotSchema, mySlotSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { allSlots, enterMark, mySlots, verificationQueue, verifyMark } from "./markService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function markRoutes(app: HttpApp, ctx: AppContext): void {
  app.get("/api/competition-events/:id/my-marks", { config: { permission: "competition.judge" }, schema: { tags, summary: "本人的评分任务(按参赛号)", params: idParams, response: { 200: z.array(mySlotSchema), 403: errorBodySchema } } }, (request) =>
    mySlots(ctx, actorOfRequest(request), request.params.id),
  );
  app.get(
    "/api/competition-events/:id/marks",
    { config: { permission: "competition.read" }, schema: { tags, summary: "全部评分(举办方、裁判长、监督仲裁)", params: idParams, querystring: z.object({ registrationId: z.uuid().optional() }), response: { 200: z.array(markSlotSchema), 403: errorBodySchema } } },
    (request) => allSlots(ctx, actorOfRequest(request), request.params.id, request.query.registrationId),
  );
  app.put("/api/competition-marks/:id", { config: { permission: "competition.judge" }, schema: { tags, summary: "录入或修改分数(修改须写原因)", params: idParams, body: markInputSchema, response: { 200: markSlotSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema } } }, (request) =>
    enterMark(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get("/api/competition-events/:id/verification", { config: { permission: "competition.judge" }, schema: { tags, summary: "待复核的分数(他人录入)", params: idParams, response: { 200: z.array(markSlotSchema), 403: errorBodySchema } } }, (request) =>
    verificationQueue(ctx, actorOfRequest(request), request.params.id),
  );
  app.post("/api/competition-marks/:id/verify", { config: { permission: "competition.judge" }, schema: { tags, summary: "复核：确认或退回(不能修改)", params: idParams, body: verifyInputSchema, response: { 200: markSlotSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema } } }, (request) =>
    verifyMark(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
