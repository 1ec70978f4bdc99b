import { competitionInputSchema, competitionListQuerySchema, eventInputSchema, competitionEventSchema, competitionSchema, competitionSummarySchema, drawAnswerSchema, errorBodySchema, eventViewSchema, judgingEventSchema, openJudgingAnswerSchema, pageOf } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { eventView, myPanelEvents } from "./eventView";
import { createCompetition, createEvent, drawEntryNumbers, getCompetition, listCompetitions, openJudging, updateEvent } from "./competitionService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function eventRoutes(app: HttpApp, ctx: AppContext): void {
  app.get("/api/competitions", { config: { permission: "competition.read" }, schema: { tags, summary: "竞赛列表", querystring: competitionListQuerySchema, response: { 200: pageOf(competitionSummarySchema) } } }, (request) =>
    listCompetitions(ctx, request.query),
  );
  app.get("/api/competitions/:id", { config: { permission: "competition.read" }, schema: { tags, summary: "竞赛详情(含赛项)", params: idParams, response: { 200: competitionSchema, 404: errorBodySchema } } }, (request) =>
    getCompetition(ctx, request.params.id),
  );
  app.post("/api/competitions", { config: { permission: "competition.write" }, schema: { tags, summary: "新建竞赛", body: competitionInputSchema, response: { 201: competitionSchema, 400: errorBodySchema, 403: errorBodySchema } } }, async (request, reply) =>
    reply.status(201).send(await createCompetition(ctx, actorOfRequest(request), request.body)),
  );
  app.post(
    "/api/competitions/:id/events",
    { config: { permission: "competition.write" }, schema: { tags, summary: "新建赛项(含评分标准、奖项数)", params: idParams, body: eventInputSchema, response: { 201: competitionEventSchema, 400: errorBodySchema, 403: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await createEvent(ctx, actorOfRequest(request), request.params.id, request.body)),
  );
  app.get("/api/competition-events/judging", { config: { permission: "competition.judge" }, schema: { tags, summary: "本人担任裁判组成员的赛项(含本人待评、待复核数)", response: { 200: z.array(judgingEventSchema) } } }, (request) =>
    myPanelEvents(ctx, actorOfRequest(request)),
  );
  app.get("/api/competition-events/:id", { config: { permission: "competition.read" }, schema: { tags, summary: "赛项(含本人在裁判组的职责)", params: idParams, response: { 200: eventViewSchema, 404: errorBodySchema } } }, (request) =>
    eventView(ctx, actorOfRequest(request), request.params.id),
  );
  app.put(
    "/api/competition-events/:id",
    { config: { permission: "competition.write" }, schema: { tags, summary: "修改赛项(评分开始后评分标准锁定)", params: idParams, body: eventInputSchema, response: { 200: competitionEventSchema, 400: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema } } },
    (request) => updateEvent(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post("/api/competition-events/:id/draw", { config: { permission: "competition.write" }, schema: { tags, summary: "抽签确定参赛号(报名截止)", params: idParams, response: { 200: drawAnswerSchema, 403: errorBodySchema, 409: errorBodySchema } } }, (request) =>
    drawEntryNumbers(ctx, actorOfRequest(request), request.params.id),
  );
  app.post("/api/competition-events/:id/open-judging", { config: { permission: "competition.write" }, schema: { tags, summary: "开始评分(锁定评分标准)", params: idParams, response: { 200: openJudgingAnswerSchema, 403: errorBodySchema, 409: errorBodySchema } } }, (request) =>
    openJudging(ctx, actorOfRequest(request), request.params.id),
  );
}
