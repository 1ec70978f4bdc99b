import { registrationInputSchema, errorBodySchema, registrationSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { exportFilename } from "../../../platform/exportFilename";
import { buildXlsx, sendXlsx } from "../../../platform/xlsx";
import { findEvent } from "../events/eventRecords";
import { listRegistrations, register, withdraw } from "./registrationService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });
const byLabels = { self: "本人", union: "工会", staff: "工作人员" } as const;

export function registrationRoutes(app: HttpApp, ctx: AppContext): void {
  app.get("/api/competition-events/:id/registrations", { config: { permission: "competition.read" }, schema: { tags, summary: "赛项报名名单(按范围；只有姓名和工作单位，无身份证号、手机号)", params: idParams, response: { 200: z.array(registrationSchema), 404: errorBodySchema } } }, (request) =>
    listRegistrations(ctx, actorOfRequest(request), request.params.id),
  );
  app.post(
    "/api/competition-events/:id/registrations",
    { config: { permission: "competition.register" }, schema: { tags, summary: "报名(职工本人，或工会为会员报名)", params: idParams, body: registrationInputSchema, response: { 201: registrationSchema, 400: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await register(ctx, actorOfRequest(request), request.params.id, request.body)),
  );
  app.post("/api/competition-registrations/:id/withdraw", { config: { permission: "competition.register" }, schema: { tags, summary: "撤回报名(抽签前)", params: idParams, response: { 200: registrationSchema, 404: errorBodySchema, 409: errorBodySchema } } }, (request) =>
    withdraw(ctx, actorOfRequest(request), request.params.id),
  );
  app.get("/api/competition-events/:id/registrations/export", { config: { permission: "competition.read" }, schema: { tags, summary: "导出报名名单(Excel)", params: idParams } }, async (request, reply) => {
    const actor = actorOfRequest(request);
    const { event } = await findEvent(ctx.database.db, request.params.id);
    const rows = await listRegistrations(ctx, actor, request.params.id);
    const xlsx = await buildXlsx(`${event.name}报名`.slice(0, 30), [
      { header: "参赛号", value: (r) => r.entryNumber },
      { header: "姓名", value: (r) => r.personName },
      { header: "工作单位", width: 30, value: (r) => r.employerName },
      { header: "县(市、区)", value: (r) => ctx.regions.get(r.countyCode)?.name ?? r.countyCode },
      { header: "报名方式", value: (r) => byLabels[r.registeredBy] },
      { header: "状态", value: (r) => (r.status === "registered" ? "已报名" : "已撤回") },
      { header: "报名时间", width: 22, value: (r) => r.createdAt },
    ], rows);
    return sendXlsx(reply, exportFilename(`${event.name}报名名单`, null, ctx.now()), xlsx);
  });
}
