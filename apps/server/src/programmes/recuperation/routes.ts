import {
  lotteryHex,
  pageQuerySchema,
  recuperationApplySchema,
  recuperationBaseInputSchema,
  recuperationCommitSchema,
  recuperationEnterSchema,
  recuperationOfferAnswerSchema,
  recuperationQuotaInputSchema,
  recuperationQuotaQuerySchema,
  recuperationRoundInputSchema,
  recuperationRouteInputSchema,
  recuperationSessionInputSchema,
  recuperationStaySchema,
  type RecuperationFairnessReport,
  type RecuperationPublicEntry,
  type RecuperationPublicRound,
} from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { queryRows } from "../../platform/db/queryRows";
import { AppError, notFound } from "../../platform/errors";
import { publicRateLimits } from "../../platform/rateLimit";
import { answerOffer, applySelf, enterApplication, listApplications, myApplications, recordStay } from "./applications/applicationService";
import {
  createBase,
  createRoute,
  createSession,
  listBases,
  listGroups,
  listRoutes,
  listSessions,
  updateBase,
  updateRoute,
  updateSession,
} from "./catalogue/catalogueService";
import { quotaView, setQuotas } from "./catalogue/quotaService";
import { commitSeed, createRound, getRound, listRounds, publishRound, startRun, sweepOffers } from "./rounds/roundService";

const tags = ["职工疗休养 recuperation"];
const publicTags = ["公众服务 public"];
const idParams = z.object({ id: z.uuid({ error: "编号格式不正确" }) });
const yearQuery = z.strictObject({ year: z.coerce.number().int().min(2020, "年份不早于2020").max(2100, "年份不晚于2100").optional() });
/** Expired offers are passed on by this timer as well as on every read of a worker's page. */
const sweepEveryMs = 60_000;

export function recuperationRoutes(app: HttpApp, ctx: AppContext): void {
  const thisYear = () => Number(ctx.now().toISOString().slice(0, 4));
  let timer: NodeJS.Timeout | undefined;
  app.addHook("onReady", () => {
    timer = setInterval(() => void sweepOffers(ctx).catch(() => {}), sweepEveryMs);
    timer.unref();
  });
  app.addHook("onClose", () => clearInterval(timer));

  // Catalogue: bases, routes, sessions, groups, quotas.
  app.get("/api/recuperation/bases", { config: { permission: "recuperation.read" }, schema: { tags, summary: "疗休养基地" } }, () => listBases(ctx));
  app.post(
    "/api/recuperation/bases",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "新增基地(省总)", body: recuperationBaseInputSchema } },
    async (request) => ({ id: await createBase(ctx, actorOfRequest(request), request.body) }),
  );
  app.put(
    "/api/recuperation/bases/:id",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "修改基地(省总)", params: idParams, body: recuperationBaseInputSchema } },
    async (request) => {
      await updateBase(ctx, actorOfRequest(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.get("/api/recuperation/routes", { config: { permission: "recuperation.read" }, schema: { tags, summary: "疗休养线路" } }, () => listRoutes(ctx));
  app.post(
    "/api/recuperation/routes",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "新增线路(省总)", body: recuperationRouteInputSchema } },
    async (request) => ({ id: await createRoute(ctx, actorOfRequest(request), request.body) }),
  );
  app.put(
    "/api/recuperation/routes/:id",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "修改线路(省总)；未出发期次随之改天数", params: idParams, body: recuperationRouteInputSchema } },
    async (request) => {
      await updateRoute(ctx, actorOfRequest(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.get(
    "/api/recuperation/sessions",
    { config: { permission: "recuperation.read" }, schema: { tags, summary: "期次(默认本年度)", querystring: yearQuery } },
    (request) => listSessions(ctx, request.query.year ?? thisYear()),
  );
  app.post(
    "/api/recuperation/sessions",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "新增期次(省总)", body: recuperationSessionInputSchema } },
    async (request) => ({ id: await createSession(ctx, actorOfRequest(request), request.body) }),
  );
  app.put(
    "/api/recuperation/sessions/:id",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "修改期次(省总)；名额不少于已分配，已分配的期次不改线路和日期", params: idParams, body: recuperationSessionInputSchema } },
    async (request) => {
      await updateSession(ctx, actorOfRequest(request), request.params.id, request.body);
      return { ok: true };
    },
  );
  app.get("/api/recuperation/groups", { config: { permission: "recuperation.read" }, schema: { tags, summary: "优先分组(按顺序)" } }, () => listGroups(ctx));
  app.get(
    "/api/recuperation/quotas",
    {
      config: { permission: "recuperation.read" },
      schema: { tags, summary: "工会名额：本级(默认本账号所在工会)获得、已下拨、未分配、已使用，及直属下级各工会(unionId 查看下级的分配；超出本账号范围为404)", querystring: recuperationQuotaQuerySchema },
    },
    (request) => quotaView(ctx, actorOfRequest(request), { ...request.query, year: request.query.year ?? thisYear() }),
  );
  app.post(
    "/api/recuperation/quotas",
    {
      config: { permission: "recuperation.quota" },
      schema: { tags, summary: "分配名额给下级工会(省总→市、市→县、县→基层)；不超过本级获得的名额，不低于下级已下拨和已使用的名额；增加的名额即时递补给候补", body: recuperationQuotaInputSchema },
    },
    async (request) => {
      await setQuotas(ctx, actorOfRequest(request), request.body.year, request.body.quotas);
      await sweepOffers(ctx);
      return { ok: true };
    },
  );

  // Rounds: create, commit the seed, run (a job), publish, fairness report.
  app.get("/api/recuperation/rounds", { config: { permission: "recuperation.read" }, schema: { tags, summary: "分配轮次" } }, () => listRounds(ctx.database.db));
  app.post(
    "/api/recuperation/rounds",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "新建轮次(省总)", body: recuperationRoundInputSchema } },
    (request) => createRound(ctx, actorOfRequest(request), request.body),
  );
  app.get(
    "/api/recuperation/rounds/:id",
    { config: { permission: "recuperation.read" }, schema: { tags, summary: "轮次及摇号进度", params: idParams } },
    (request) => getRound(ctx.database.db, request.params.id),
  );
  app.post(
    "/api/recuperation/rounds/:id/commit",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "承诺种子：公开其SHA-256，种子本身在公布结果时公开", params: idParams, body: recuperationCommitSchema } },
    (request) => commitSeed(ctx, actorOfRequest(request), request.params.id, request.body.seed),
  );
  app.post(
    "/api/recuperation/rounds/:id/run",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "摇号(后台任务，轮询进度；每轮只能执行一次)", params: idParams } },
    async (request, reply) => reply.code(202).send(await startRun(ctx, actorOfRequest(request), request.params.id)),
  );
  app.post(
    "/api/recuperation/rounds/:id/publish",
    { config: { permission: "recuperation.manage" }, schema: { tags, summary: "公布种子和结果，开始确认时限", params: idParams } },
    (request) => publishRound(ctx, actorOfRequest(request), request.params.id),
  );
  app.get(
    "/api/recuperation/rounds/:id/report",
    { config: { permission: "recuperation.read" }, schema: { tags, summary: "公平性报告", params: idParams } },
    async (request) => {
      const [row] = await queryRows<{ report: RecuperationFairnessReport | null }>(ctx.database.db, sql`select report from recuperation_rounds where id = ${request.params.id}`);
      if (!row?.report) throw notFound("公平性报告");
      return row.report;
    },
  );
  app.get(
    "/api/recuperation/rounds/:id/applications",
    { config: { permission: "recuperation.read" }, schema: { tags, summary: "轮次的申请(本人范围内，摇号后按顺序)", params: idParams, querystring: pageQuerySchema } },
    (request) => listApplications(ctx, actorOfRequest(request), request.params.id, request.query.page, request.query.pageSize),
  );

  // Applications entered by a union; stays recorded after a session.
  app.post(
    "/api/recuperation/applications",
    { config: { permission: "recuperation.enter" }, schema: { tags, summary: "工会为会员代为申请", body: recuperationEnterSchema } },
    async (request) => ({ id: await enterApplication(ctx, actorOfRequest(request), request.body) }),
  );
  app.post(
    "/api/recuperation/offers/:id/stay",
    { config: { permission: "recuperation.stay" }, schema: { tags, summary: "登记入住或未到", params: idParams, body: recuperationStaySchema } },
    async (request) => {
      await recordStay(ctx, actorOfRequest(request), request.params.id, request.body.status);
      return { ok: true };
    },
  );

  // The worker's own: open rounds and this year's sessions, its applications, its answers.
  app.get("/api/recuperation/me", { config: { permission: "recuperation.apply" }, schema: { tags, summary: "我的疗休养" } }, async (request) => {
    await sweepOffers(ctx);
    const rounds = (await listRounds(ctx.database.db)).filter((r) => r.status === "open" || r.status === "committed");
    return { rounds, sessions: await listSessions(ctx, thisYear()), applications: await myApplications(ctx, actorOfRequest(request)) };
  });
  app.post(
    "/api/recuperation/me/applications",
    { config: { permission: "recuperation.apply" }, schema: { tags, summary: "申请疗休养(最多3个期次，按志愿顺序)", body: recuperationApplySchema } },
    async (request) => ({ id: await applySelf(ctx, actorOfRequest(request), request.body) }),
  );
  app.post(
    "/api/recuperation/me/offers/:id",
    { config: { permission: "recuperation.apply" }, schema: { tags, summary: "接受或放弃名额(须在时限内)", params: idParams, body: recuperationOfferAnswerSchema } },
    async (request) => {
      await answerOffer(ctx, actorOfRequest(request), request.params.id, request.body.answer);
      return { ok: true };
    },
  );

  // Public: committed and published rounds, and one applicant's lottery number.
  app.get(
    "/api/public/recuperation/rounds",
    { config: { permission: "public", rateLimit: publicRateLimits.publicRead }, schema: { tags: publicTags, summary: "疗休养摇号：已承诺或已公布的轮次(种子哈希、公布后的种子)" } },
    async (): Promise<RecuperationPublicRound[]> =>
      (await listRounds(ctx.database.db))
        .filter((r) => r.seedHash)
        .map((r) => ({ id: r.id, name: r.name, year: r.year, seedHash: r.seedHash, seed: r.seed, publishedAt: r.publishedAt })),
  );
  app.get(
    "/api/public/recuperation/rounds/:id/applicants/:applicationId",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: publicTags, summary: "某申请的分组、摇号顺序和摇号号码(仅已公布轮次；不含个人信息)", params: z.object({ id: z.uuid(), applicationId: z.uuid({ error: "申请编号格式不正确" }) }) },
    },
    async (request): Promise<RecuperationPublicEntry> => {
      const [row] = await queryRows<{ group_rank: number; position: number | null; seed: string }>(
        ctx.database.db,
        sql`select a.group_rank, d.position, r.seed from recuperation_applications a join recuperation_rounds r on r.id = a.round_id
            left join recuperation_draw_results d on d.round_id = a.round_id and d.application_id = a.id
            where a.id = ${request.params.applicationId} and r.id = ${request.params.id} and r.status = 'published'`,
      );
      if (!row) throw new AppError("NOT_FOUND", "未找到该申请，或该轮次尚未公布");
      return { applicationId: request.params.applicationId, groupRank: row.group_rank, position: row.position, lotteryNumber: lotteryHex(row.seed, request.params.applicationId) };
    },
  );
}
