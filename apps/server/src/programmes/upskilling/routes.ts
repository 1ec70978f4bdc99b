import {
  bankCardUpdateSchema,
  errorBodySchema,
  pageOf,
  paymentBatchInputSchema,
  paymentBatchSchema,
  paymentResultsInputSchema,
  paymentResultsOutcomeSchema,
  reviewDecisionSchema,
  reviewOutcomeSchema,
  upskillingApplicationInputSchema,
  upskillingApplicationSchema,
  upskillingListQuerySchema,
  upskillingSchemeViewSchema,
  upskillingStatsSchema,
} from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { fixBankCard, myApplications, submitApplication } from "./applyService";
import { bankFile, createBatch, importResults, listBatches } from "./paymentService";
import { findApplication, applicationScope, toApplications } from "./queries";
import { decideApplications, listApplications } from "./reviewService";
import { schemeView } from "./schemeView";
import { upskillingStats } from "./statsService";

const tags = ["学历与技能提升 upskilling"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });

export function upskillingRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/public/upskilling/scheme",
    { config: { permission: "public" }, schema: { tags, summary: "本年度补助方案(申请条件、名额、超额规则)", querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: upskillingSchemeViewSchema, 404: errorBodySchema } } },
    async (request, reply) => {
      reply.header("Cache-Control", "public, max-age=300");
      return schemeView(ctx, request.query.year);
    },
  );

  app.post(
    "/api/upskilling/applications",
    { config: { permission: "upskilling.apply" }, schema: { tags, summary: "提交补助申请(提交时校验资格)", body: upskillingApplicationInputSchema, response: { 201: upskillingApplicationSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await submitApplication(ctx, actorOfRequest(request), request.body)),
  );

  app.get(
    "/api/upskilling/my/applications",
    { config: { permission: "upskilling.apply" }, schema: { tags, summary: "我的补助申请", response: { 200: z.object({ items: z.array(upskillingApplicationSchema) }) } } },
    async (request) => ({ items: await myApplications(ctx, actorOfRequest(request)) }),
  );

  app.put(
    "/api/upskilling/my/applications/:id/bank-card",
    { config: { permission: "upskilling.apply" }, schema: { tags, summary: "发放失败后修改银行卡并重新提交", params: idParams, body: bankCardUpdateSchema, response: { 200: upskillingApplicationSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema } } },
    (request) => fixBankCard(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.get(
    "/api/upskilling/applications",
    { config: { permission: "upskilling.read" }, schema: { tags, summary: "补助申请列表(辖区内)", querystring: upskillingListQuerySchema, response: { 200: pageOf(upskillingApplicationSchema), 400: errorBodySchema } } },
    (request) => listApplications(ctx, actorOfRequest(request), request.query),
  );

  app.get(
    "/api/upskilling/applications/:id",
    { config: { permission: "upskilling.read" }, schema: { tags, summary: "补助申请详情", params: idParams, response: { 200: upskillingApplicationSchema, 404: errorBodySchema } } },
    async (request) => {
      const row = await findApplication(ctx.database.db, request.params.id, applicationScope(actorOfRequest(request)));
      if (!row) throw notFound("申请");
      const [app] = await toApplications(ctx.database.db, ctx.regions, [row]);
      if (!app) throw notFound("申请");
      return app;
    },
  );

  app.post(
    "/api/upskilling/applications/review",
    { config: { permission: "upskilling.review" }, schema: { tags, summary: "批量通过或不通过(本级审核环节)", body: reviewDecisionSchema, response: { 200: reviewOutcomeSchema, 400: errorBodySchema } } },
    (request) => decideApplications(ctx, actorOfRequest(request), request.body),
  );

  app.get(
    "/api/upskilling/payment-batches",
    { config: { permission: "upskilling.pay" }, schema: { tags, summary: "发放批次", response: { 200: z.object({ items: z.array(paymentBatchSchema) }) } } },
    async (request) => ({ items: await listBatches(ctx, actorOfRequest(request)) }),
  );

  app.post(
    "/api/upskilling/payment-batches",
    { config: { permission: "upskilling.pay" }, schema: { tags, summary: "把本市已通过、未发放的申请列入新批次", body: paymentBatchInputSchema, response: { 201: paymentBatchSchema, 400: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await createBatch(ctx, actorOfRequest(request), request.body)),
  );

  app.get(
    "/api/upskilling/payment-batches/:id/bank-file",
    { config: { permission: "upskilling.pay" }, schema: { tags, summary: "导出银行代发文件(CSV)", params: idParams, response: { 200: z.string(), 404: errorBodySchema } } },
    async (request, reply) => {
      const file = await bankFile(ctx, actorOfRequest(request), request.params.id);
      return reply
        .header("Content-Type", "text/csv; charset=utf-8")
        .header("Content-Disposition", `attachment; filename="bank.csv"; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header("Cache-Control", "no-store")
        .send(file.body);
    },
  );

  app.post(
    "/api/upskilling/payment-batches/:id/results",
    { config: { permission: "upskilling.pay" }, schema: { tags, summary: "导入银行回盘结果(成功/失败及原因)", params: idParams, body: paymentResultsInputSchema, response: { 200: paymentResultsOutcomeSchema, 400: errorBodySchema, 404: errorBodySchema } } },
    (request) => importResults(ctx, actorOfRequest(request), request.params.id, request.body.csv),
  );

  app.get(
    "/api/upskilling/stats",
    { config: { permission: "upskilling.read" }, schema: { tags, summary: "各市申请、通过、发放与名额，发放用时中位数", querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }), response: { 200: upskillingStatsSchema } } },
    (request) => upskillingStats(ctx, actorOfRequest(request), request.query.year),
  );
}
