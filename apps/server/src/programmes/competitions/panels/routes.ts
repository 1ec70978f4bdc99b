import { allocationInputSchema, panelMemberInputSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { addPanelMember, allocate, listConflicts, listPanel } from "./panelService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function panelRoutes(app: HttpApp, ctx: AppContext): void {
  app.get("/api/competition-events/:id/panel", { config: { permission: "competition.read" }, schema: { tags, summary: "裁判组", params: idParams } }, (request) =>
    listPanel(ctx, actorOfRequest(request), request.params.id),
  );
  app.post(
    "/api/competition-events/:id/panel",
    { config: { permission: "competition.write" }, schema: { tags, summary: "指派裁判组成员(裁判员、裁判长、监督仲裁)及其申报的工作单位和徒弟", params: idParams, body: panelMemberInputSchema } },
    (request) => addPanelMember(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.post(
    "/api/competition-events/:id/allocations",
    { config: { permission: "competition.write" }, schema: { tags, summary: "分配评分任务(有利益冲突的分配被拒绝并登记)", params: idParams, body: allocationInputSchema } },
    (request) => allocate(ctx, actorOfRequest(request), request.params.id, request.body),
  );
  app.get("/api/competition-events/:id/conflicts", { config: { permission: "competition.read" }, schema: { tags, summary: "利益冲突登记", params: idParams } }, (request) =>
    listConflicts(ctx, actorOfRequest(request), request.params.id),
  );
}
