import {
  correctionListSchema,
  problemTextCorrectionSchema,
  voidInputSchema,
  withdrawInputSchema,
  demandListDetailSchema,
  demandListInputSchema,
  demandListQuerySchema,
  demandListSchema,
  errorBodySchema,
  overduePageSchema,
  overdueQuerySchema,
  pageOf,
  problemDetailSchema,
  problemListQuerySchema,
  problemMoveSchema,
  problemNoteSchema,
  problemRatingSchema,
  problemSchema,
  problemTeamMemberInputSchema,
  problemUpdateSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { getDemandListForActor, listDemandListsForActor, submitDemandList } from "./demandListService";
import { addProblemNote, moveProblem } from "./moveProblem";
import { listProblemsForActor, overdueForActor, problemDetailFor } from "./problemService";
import { rateProblem } from "./rateProblem";
import { problemExports } from "./problemExports";
import { addTeamMember, removeTeamMember, updateTeamSize } from "./problemTeam";
import { urgeProblem } from "./inboxWiring";
import { correctProblemText, voidProblem, withdrawDemandList, withdrawProblem } from "./correctProblem";
import { listCorrections } from "../corrections/recordCorrection";

const demandTags = ["需求清单 demand lists"];
const problemTags = ["难题 problems"];
const listParams = z.object({ id: z.uuid({ error: "需求清单编号格式不正确" }) });
const problemParams = z.object({ id: z.uuid({ error: "难题编号格式不正确" }) });
const memberParams = problemParams.extend({ expertId: z.uuid({ error: "专家编号格式不正确" }) });
const errors = { 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

/** 需求清单 and 难题: submission, lists, the lifecycle moves, progress notes, the overdue list, ratings. */
export function problemRoutes(app: HttpApp, ctx: AppContext): void {
  problemExports(app, ctx);
  app.post(
    "/api/demand-lists",
    {
      config: { permission: "demand.submit" },
      schema: { tags: demandTags, summary: "提交需求清单(企业自主提交或工会代为录入)", body: demandListInputSchema, response: { 201: demandListDetailSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await submitDemandList(ctx, actorOfRequest(request), request.body)),
  );

  app.get(
    "/api/demand-lists",
    { config: { permission: "problem.read" }, schema: { tags: demandTags, summary: "需求清单列表", querystring: demandListQuerySchema, response: { 200: pageOf(demandListSchema), 400: errorBodySchema } } },
    (request) => listDemandListsForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/demand-lists/:id",
    { config: { permission: "problem.read" }, schema: { tags: demandTags, summary: "需求清单详情(难题与培训需求)", params: listParams, response: { 200: demandListDetailSchema, 404: errorBodySchema } } },
    (request) => getDemandListForActor(ctx, actorOfRequest(request), request.params.id),
  );

  app.get(
    "/api/problems",
    { config: { permission: "problem.read" }, schema: { tags: problemTags, summary: "难题列表", querystring: problemListQuerySchema, response: { 200: pageOf(problemSchema), 400: errorBodySchema } } },
    (request) => listProblemsForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/problems/overdue",
    {
      config: { permission: "problem.read" },
      schema: { tags: problemTags, summary: "超期难题(久无动态——无状态变化也无进展记录——的未完成难题，最久无动态的在前)", querystring: overdueQuerySchema, response: { 200: overduePageSchema, 400: errorBodySchema } },
    },
    (request) => overdueForActor(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/problems/:id",
    { config: { permission: "problem.read" }, schema: { tags: problemTags, summary: "难题详情、进展时间线与当前可进行的操作", params: problemParams, response: { 200: problemDetailSchema, 404: errorBodySchema } } },
    (request) => problemDetailFor(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/problems/:id/moves",
    { config: { permission: "problem.move" }, schema: { tags: problemTags, summary: "推进难题状态(按状态流转表)", params: problemParams, body: problemMoveSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => moveProblem(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  // The team: who may change it is the lifecycle's 指派专家 roles (platform/access.ts#mayAssignExperts).
  app.patch(
    "/api/problems/:id",
    { config: { permission: "problem.move" }, schema: { tags: problemTags, summary: "修改难题(需要专家人数，1–3人)", params: problemParams, body: problemUpdateSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => updateTeamSize(ctx, actorOfRequest(request), request.params.id, request.body.teamSize),
  );

  app.post(
    "/api/problems/:id/team",
    {
      config: { permission: "problem.move" },
      schema: { tags: problemTags, summary: "添加协助专家(工种对口、未满负荷、团队未满)", params: problemParams, body: problemTeamMemberInputSchema, response: { 200: problemDetailSchema, ...errors } },
    },
    (request) => addTeamMember(ctx, actorOfRequest(request), request.params.id, request.body.expertId),
  );

  app.delete(
    "/api/problems/:id/team/:expertId",
    { config: { permission: "problem.move" }, schema: { tags: problemTags, summary: "移出协助专家", params: memberParams, response: { 200: problemDetailSchema, ...errors } } },
    (request) => removeTeamMember(ctx, actorOfRequest(request), request.params.id, request.params.expertId),
  );

  app.post(
    "/api/problems/:id/notes",
    { config: { permission: "problem.move" }, schema: { tags: problemTags, summary: "记录进展(不改变状态)", params: problemParams, body: problemNoteSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => addProblemNote(ctx, actorOfRequest(request), request.params.id, request.body.note),
  );

  app.post(
    "/api/problems/:id/urge",
    {
      config: { permission: "problem.move" },
      schema: {
        tags: problemTags,
        summary: "催办(负责专家收到待办与短信；工会工作人员)",
        params: problemParams,
        response: { 200: z.object({ expertName: z.string(), urgedAt: z.string() }), ...errors },
      },
    },
    (request) => urgeProblem(ctx, actorOfRequest(request), request.params.id),
  );

  app.post(
    "/api/problems/:id/rating",
    { config: { permission: "problem.rate" }, schema: { tags: problemTags, summary: "企业评价(已解决的难题，限一次)", params: problemParams, body: problemRatingSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => rateProblem(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.post(
    "/api/demand-lists/:id/withdraw",
    { config: { permission: "demand.submit" }, schema: { tags: demandTags, summary: "企业撤回需求清单(受理前)", params: listParams, body: withdrawInputSchema, response: { 200: demandListDetailSchema, ...errors } } },
    (request) => withdrawDemandList(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post(
    "/api/problems/:id/withdraw",
    { config: { permission: "demand.submit" }, schema: { tags: problemTags, summary: "企业撤回难题(受理前)", params: problemParams, body: withdrawInputSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => withdrawProblem(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post(
    "/api/problems/:id/correct",
    { config: { permission: "demand.submit" }, schema: { tags: problemTags, summary: "更正难题标题、描述(受理后须填理由)", params: problemParams, body: problemTextCorrectionSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => correctProblemText(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post(
    "/api/problems/:id/void",
    { config: { permission: "record.void" }, schema: { tags: problemTags, summary: "作废难题(须填理由，不再计入统计)", params: problemParams, body: voidInputSchema, response: { 200: problemDetailSchema, ...errors } } },
    (request) => voidProblem(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get(
    "/api/problems/:id/corrections",
    { config: { permission: "problem.read" }, schema: { tags: problemTags, summary: "难题的更正记录", params: problemParams, response: { 200: correctionListSchema, 404: errorBodySchema } } },
    async (request) => {
      await problemDetailFor(ctx, actorOfRequest(request), request.params.id);
      return listCorrections(ctx.database.db, request.params.id);
    },
  );
}
