import { appealDecisionSchema, appealInputSchema, prizeLabels, appealSchema, errorBodySchema, eventResultsSchema } from "@jiangxin/domain";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import { users } from "../../../platform/auth/tables";
import type { AppContext, HttpApp } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { exportFilename } from "../../../platform/exportFilename";
import { buildXlsx, sendXlsx } from "../../../platform/xlsx";
import { competitionMarks, competitionRegistrations } from "../tables";
import { findEvent, isOrganiser } from "../events/eventRecords";
import { dutiesOf } from "../panels/panelService";
import { decideAppeal, finaliseResults, listAppeals, lodgeAppeal, publishResults, resultsFor, signResults, verifyResults } from "./resultService";

const tags = ["职业技能竞赛 competitions"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function resultRoutes(app: HttpApp, ctx: AppContext): void {
  app.get("/api/competition-events/:id/results", { config: { permission: "competition.read" }, schema: { tags, summary: "赛项成绩与排名", params: idParams, response: { 200: eventResultsSchema, 403: errorBodySchema } } }, (request) =>
    resultsFor(ctx, actorOfRequest(request), request.params.id),
  );
  const moves = { verify: ["核分完成(裁判长)", verifyResults], sign: ["签字(裁判长、监督仲裁)", signResults], publish: ["公示成绩(申诉期开始)", publishResults], finalise: ["成绩确定", finaliseResults] } as const;
  for (const [path, [summary, fn]] of Object.entries(moves)) {
    app.post(`/api/competition-events/:id/results/${path}`, { config: { permission: "competition.judge" }, schema: { tags, summary, params: idParams, response: { 200: eventResultsSchema, 403: errorBodySchema, 409: errorBodySchema } } }, (request) =>
      fn(ctx, actorOfRequest(request), request.params.id),
    );
  }
  app.get("/api/competition-events/:id/appeals", { config: { permission: "competition.read" }, schema: { tags, summary: "申诉列表", params: idParams, response: { 200: z.array(appealSchema) } } }, (request) =>
    listAppeals(ctx, actorOfRequest(request), request.params.id),
  );
  app.post(
    "/api/competition-events/:id/appeals",
    { config: { permission: "competition.appeal" }, schema: { tags, summary: "书面申诉(公示后申诉期内)", params: idParams, body: appealInputSchema, response: { 201: appealSchema, 400: errorBodySchema, 409: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await lodgeAppeal(ctx, actorOfRequest(request), request.params.id, request.body)),
  );
  app.post(
    "/api/competition-appeals/:id/decision",
    { config: { permission: "competition.judge" }, schema: { tags, summary: "仲裁裁决(监督仲裁；维持可更正分数)", params: idParams, body: appealDecisionSchema, response: { 200: appealSchema, 400: errorBodySchema, 403: errorBodySchema, 409: errorBodySchema } } },
    (request) => decideAppeal(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.get("/api/competition-events/:id/results/export", { config: { permission: "competition.read" }, schema: { tags, summary: "导出成绩(Excel)", params: idParams } }, async (request, reply) => {
    const r = await resultsFor(ctx, actorOfRequest(request), request.params.id);
    const aspects = r.event.scheme.aspects;
    const xlsx = await buildXlsx(`${r.event.name}成绩`.slice(0, 30), [
      { header: "名次", value: (x) => (x.place === null ? "" : `${x.shared ? "并列" : ""}${x.place}`) },
      { header: "参赛号", value: (x) => x.entryNumber },
      { header: "姓名", value: (x) => x.personName },
      { header: "工作单位", width: 30, value: (x) => x.employerName },
      ...aspects.map((a, i) => ({ header: `${a.name}(${a.weight})`, value: (x: (typeof r.rows)[number]) => x.aspects[i]?.weighted ?? null })),
      { header: "总分", value: (x) => x.total },
      { header: "奖项", value: (x) => (x.prize ? prizeLabels[x.prize] : "") },
    ], r.rows);
    return sendXlsx(reply, exportFilename(`${r.competitionName}${r.event.name}成绩`, null, ctx.now()), xlsx);
  });

  // Every mark with its judge and verification: the organiser, the chief judge and the supervisor only.
  app.get("/api/competition-events/:id/marks/export", { config: { permission: "competition.read" }, schema: { tags, summary: "导出评分明细(Excel)", params: idParams } }, async (request, reply) => {
    const actor = actorOfRequest(request);
    const { db } = ctx.database;
    const { event, competition } = await findEvent(db, request.params.id);
    const duties = await dutiesOf(db, event.id, actor.userId);
    if (!isOrganiser(actor, competition) && !duties.some((d) => d === "chief" || d === "supervisor")) throw new AppError("FORBIDDEN", "只有举办方、裁判长和监督仲裁可以导出评分明细");
    const rows = await db
      .select({ entryNumber: competitionRegistrations.entryNumber, aspectKey: competitionMarks.aspectKey, judge: users.displayName, mark: competitionMarks.mark, enteredAt: competitionMarks.enteredAt, verification: competitionMarks.verification })
      .from(competitionMarks)
      .innerJoin(competitionRegistrations, eq(competitionRegistrations.id, competitionMarks.registrationId))
      .innerJoin(users, eq(users.id, competitionMarks.judgeUserId))
      .where(eq(competitionMarks.eventId, event.id))
      .orderBy(competitionRegistrations.entryNumber, competitionMarks.aspectKey, users.displayName);
    const v = { pending: "待复核", confirmed: "已确认", rejected: "已退回" } as const;
    const xlsx = await buildXlsx(`${event.name}评分`.slice(0, 30), [
      { header: "参赛号", value: (x) => x.entryNumber },
      { header: "评分项", value: (x) => event.scheme.aspects.find((a) => a.key === x.aspectKey)?.name ?? x.aspectKey },
      { header: "裁判", value: (x) => x.judge },
      { header: "分数", value: (x) => x.mark },
      { header: "录入时间", width: 22, value: (x) => x.enteredAt?.toISOString() ?? "" },
      { header: "复核", value: (x) => (x.verification ? v[x.verification] : "") },
    ], rows);
    return sendXlsx(reply, exportFilename(`${event.name}评分明细`, null, ctx.now()), xlsx);
  });
}
