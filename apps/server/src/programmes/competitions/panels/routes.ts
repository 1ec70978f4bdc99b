import { allocationInputSchema, panelMemberInputSchema, allocationAnswerSchema, conflictEntrySchema, errorBodySchema, panelCandidateSchema, panelMemberSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { addPanelMember, allocate, listConflicts, listPanel, panelCandidates } from "./panelService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function panelRoutes(app: HttpApp, ctx: AppContext): void {
  app.get("/api/competition-events/:id/panel", { config: { permission: "competition.read" }, schema: { tags, summary: "裁判组", params: idParams, response: { 200: z.array(panelMemberSchema), 403: errorBodySchema } } }, (request) =>
    listPanel(ctx, actorOfRequest(request), request.params.id),
  );
  app.post(
    "/api/competition-events/:id/panel",
    { config: { permission: "competition.write" }, schema: { tags, summary: "指派裁判组成员(裁判员、裁判长、监督仲裁)及其申报的工作单位和徒弟", params: idParams, body: panelMemberInputSchema, response: { 200: z.array(panelMemberSchema), 400: errorBodySchema, 403: errorBodySchema } } },
    (request) => addPanelMember(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post(
    "/api/competition-events/:id/allocations",
    { config: { permission: "competition.write" }, schema: { tags, summary: "分配评分任务(有利益冲突的分配被拒绝并登记)", params: idParams, body: allocationInputSchema, response: { 200: allocationAnswerSchema, 400: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema } } },
    (request) => allocate(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get(
    "/api/competition-events/:id/panel/candidates",
    { config: { permission: "competition.write" }, schema: { tags, summary: "可担任裁判的账号(劳模工匠、工会工作人员)，按姓名或登录名搜索", params: idParams, querystring: z.object({ q: z.string().trim().max(50).optional() }), response: { 200: z.array(panelCandidateSchema), 403: errorBodySchema } } },
    (request) => panelCandidates(ctx, actorOfRequest(request), request.params.id, request.query.q),
  );
  app.get("/api/competition-events/:id/conflicts", { config: { permission: "competition.read" }, schema: { tags, summary: "利益冲突登记", params: idParams, response: { 200: z.array(conflictEntrySchema), 403: errorBodySchema } } }, (request) =>
    listConflicts(ctx, actorOfRequest(request), request.params.id),
  );
}
