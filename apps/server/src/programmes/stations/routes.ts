import {
  type NearbyResult,
  errorBodySchema,
  hostKindLabels,
  nearbyQuerySchema,
  nearbyResultSchema,
  pageOf,
  publicStationPhotosSchema,
  publicStationSchema,
  receiptCodeSchema,
  reportAnswerSchema,
  reportInputSchema,
  reportReceiptSchema,
  stationCheckInResultSchema,
  stationCheckInSchema,
  stationInputSchema,
  stationListQuerySchema,
  stationReportSchema,
  stationSchema,
  stationStatsQuerySchema,
  stationStatsSchema,
  stationStatusLabels,
  pageQuerySchema,
} from "@jiangxin/domain";
import QRCode from "qrcode";
import { z } from "zod";
import { attachmentBytesOf, attachmentsOfOwners } from "../../platform/attachments";
import { actorOfRequest } from "../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../platform/context";
import { notFound } from "../../platform/errors";
import { exportFilename, exportScope } from "../../platform/exportFilename";
import { exportList } from "../../platform/exportList";
import { publicRateLimits } from "../../platform/rateLimit";
import { buildXlsx, sendXlsx } from "../../platform/xlsx";
import { finderOf } from "./finder/finderOf";
import { startFinderSync, stopFinderSync } from "./finder/finderSync";
import { stationPhotoKind } from "./stationAttachmentOwners";
import { answerReport, createReport, getReport, listReports, reportByReceipt } from "./reportService";
import { createStation, getStation, listStations, readManagerPhone, updateStation } from "./stationService";
import { stationStats } from "./statsService";
import { checkIn } from "./visitService";

const publicTags = ["公众服务 public"];
const tags = ["户外劳动者服务站 stations"];
const idParams = z.object({ id: z.uuid({ error: "站点编号格式不正确" }) });
const reportIdParams = z.object({ id: z.uuid({ error: "报告编号格式不正确" }) });
/** Finder answers may be reused this long: a station's change reaches phones within half a minute. */
const finderMaxAge = 30;
/** A person checks in or reports a few times a day; a script inflating the counts is slowed. */
const writeLimit = { max: 20, timeWindow: "10 minutes" } as const;
const atQuery = z.strictObject({ at: z.iso.datetime({ offset: true, error: "at 应为 ISO 时间" }).optional() });

export function stationRoutes(app: HttpApp, ctx: AppContext): void {
  // The finder answers from memory: loaded once the database is ready (after the demo, before listening),
  // and kept fresh with every process's station changes through the database's LISTEN/NOTIFY.
  app.addHook("onReady", () => startFinderSync(ctx));
  app.addHook("onClose", () => stopFinderSync(ctx));

  app.get(
    "/api/public/stations/nearby",
    {
      config: { permission: "public", rateLimit: { max: ctx.config.finderRateLimit, timeWindow: "1 minute" } },
      schema: {
        tags: publicTags,
        summary: "附近的户外劳动者服务站(无需登录；可缓存30秒)",
        description:
          "按距离排序。amenities 为逗号分隔的设施(airConditioning,fridge,microwave,water,drinkableWater,charging,seating,wifi,toilet,firstAid,powerBank)，" +
          "openAt 为 ISO 时间(默认现在)，openNow=1 只要该时刻开放的站点，limit 默认10、最多50，within 为搜索半径(米，默认50000)。" +
          "state 为 open / closed / unknown(开放时间不明，绝不当作开放)；nextChange 为下一次开门或关门的时间(一周内)；" +
          "makeUpWorkday 仅在该时刻为国务院节假日安排中的调休上班日、且站点开放时间因此按工作日计算时出现(值为 true)。",
        querystring: nearbyQuerySchema,
        response: { 200: nearbyResultSchema, 400: errorBodySchema, 429: errorBodySchema },
      },
    },
    async (request, reply) => {
      const at = request.query.openAt ? new Date(request.query.openAt) : ctx.now();
      void reply.header("cache-control", `public, max-age=${finderMaxAge}`);
      // The answer is UTF-8 JSON bytes the finder builds from its typed records (each station's fixed part
      // encoded once); fastify sends a Buffer as it is, unserialized and unvalidated (re-validating it on the
      // way out cost as much as the search). The schema above documents it (OpenAPI); the finder's test checks it.
      return reply.type("application/json; charset=utf-8").send(finderOf(ctx).nearbyAnswer(request.query, at) as unknown as NearbyResult);
    },
  );

  app.get(
    "/api/public/stations/:id",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: publicTags, summary: "服务站详情(无需登录)", params: idParams, querystring: atQuery, response: { 200: publicStationSchema, 404: errorBodySchema } },
    },
    async (request, reply) => {
      const s = finderOf(ctx).get(request.params.id, request.query.at ? new Date(request.query.at) : ctx.now());
      if (!s) throw notFound("服务站");
      void reply.header("cache-control", `public, max-age=${finderMaxAge}`);
      return s;
    },
  );

  // Photos on the public page: the station must be in the finder (not removed); the bytes are served as
  // the platform serves attachments (detected type, nosniff, a sandbox CSP), cacheable.
  app.get(
    "/api/public/stations/:id/photos",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: publicTags, summary: "服务站照片列表(无需登录)", params: idParams, response: { 200: publicStationPhotosSchema, 404: errorBodySchema } },
    },
    async (request, reply) => {
      if (!finderOf(ctx).get(request.params.id, ctx.now())) throw notFound("服务站");
      const list = (await attachmentsOfOwners(ctx.database.db, stationPhotoKind, [request.params.id])).get(request.params.id) ?? [];
      void reply.header("cache-control", `public, max-age=${finderMaxAge}`);
      return { items: list.filter((a) => a.isImage).map((a) => ({ id: a.id, width: a.width, height: a.height, hasThumbnail: a.hasThumbnail })) };
    },
  );
  app.get(
    "/api/public/stations/:id/photos/:photoId/:part",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: {
        tags: publicTags,
        summary: "服务站照片(缩略图 thumbnail 或原图 content，无需登录)",
        params: z.object({ id: z.uuid({ error: "站点编号格式不正确" }), photoId: z.uuid({ error: "照片编号格式不正确" }), part: z.enum(["thumbnail", "content"], { error: "应为 thumbnail 或 content" }) }),
      },
    },
    async (request, reply) => {
      const { id, photoId, part } = request.params;
      if (!finderOf(ctx).get(id, ctx.now())) throw notFound("服务站");
      const file = await attachmentBytesOf(ctx.database.db, stationPhotoKind, id, photoId, part);
      if (!file || !file.mime.startsWith("image/")) throw notFound("照片");
      return reply
        .header("cache-control", "public, max-age=3600")
        .header("x-content-type-options", "nosniff")
        .header("content-security-policy", "default-src 'none'; sandbox")
        .type(file.mime)
        .send(file.bytes);
    },
  );

  app.post(
    "/api/public/stations/:id/check-ins",
    {
      config: { permission: "public", rateLimit: writeLimit },
      schema: { tags: publicTags, summary: "扫码签到(只记职业和时段，不记个人信息)", params: idParams, body: stationCheckInSchema, response: { 201: stationCheckInResultSchema, 404: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await checkIn(ctx, request.params.id, request.body.occupation)),
  );

  app.post(
    "/api/public/stations/:id/reports",
    {
      config: { permission: "public", rateLimit: writeLimit },
      schema: { tags: publicTags, summary: "报告站点问题(锁门、设施缺失等)；返回回执码，凭码查看答复", params: idParams, body: reportInputSchema, response: { 201: reportReceiptSchema, 400: errorBodySchema, 404: errorBodySchema } },
    },
    async (request, reply) => {
      const r = await createReport(ctx, request.ip, request.params.id, request.body);
      return reply.status(201).send({ receiptCode: r.receiptCode, dueDate: r.dueDate, link: r.link });
    },
  );

  app.get(
    "/api/public/station-reports/:code",
    {
      config: { permission: "public", rateLimit: publicRateLimits.publicRead },
      schema: { tags: publicTags, summary: "凭回执码查看报告的处理和答复", params: z.object({ code: receiptCodeSchema }), response: { 200: stationReportSchema, 404: errorBodySchema } },
    },
    (request) => reportByReceipt(ctx, request.params.code),
  );

  // Staff.
  app.get(
    "/api/stations",
    { config: { permission: "station.read" }, schema: { tags, summary: "服务站列表(本辖区)", querystring: stationListQuerySchema, response: { 200: pageOf(stationSchema) } } },
    (request) => listStations(ctx, actorOfRequest(request), request.query),
  );
  exportList(app, {
    url: "/api/stations/export",
    permission: "station.read",
    tags,
    summary: "导出服务站(按当前筛选)",
    querystring: stationListQuerySchema,
    filename: (request) => exportFilename("户外劳动者服务站", exportScope(actorOfRequest(request), request.query), ctx.now()),
    list: (actor, q) => listStations(ctx, actor, q),
    columns: [
      { header: "站点名称", width: 30, value: (s) => s.name },
      { header: "县(市、区)", value: (s) => s.countyName },
      { header: "依托单位类型", value: (s) => hostKindLabels[s.hostKind] },
      { header: "依托单位", width: 24, value: (s) => s.hostOrg },
      { header: "地址", width: 36, value: (s) => s.address },
      { header: "经度", value: (s) => s.lng },
      { header: "纬度", value: (s) => s.lat },
      { header: "状态", value: (s) => stationStatusLabels[s.status] },
      { header: "开放时间", width: 24, value: (s) => s.openingHours },
      { header: "24小时", value: (s) => (s.is24h ? "是" : "否") },
      { header: "设施项数", value: (s) => s.amenities.length },
      { header: "申报提升改造年度", value: (s) => s.upgradeClaimedYear },
      { header: "负责人", value: (s) => s.managerName },
      { header: "负责人电话", value: (s) => s.managerPhoneMasked },
    ],
  });
  app.get(
    "/api/stations/stats",
    { config: { permission: "station.read" }, schema: { tags, summary: "服务站分县统计：站点、24小时、提升改造申报数与认定数、报告与答复时长、签到", querystring: stationStatsQuerySchema, response: { 200: stationStatsSchema } } },
    (request) => stationStats(ctx, actorOfRequest(request), request.query.year),
  );
  app.get(
    "/api/stations/stats/export",
    { config: { permission: "station.read" }, schema: { tags, summary: "导出分县统计(Excel)", querystring: stationStatsQuerySchema } },
    async (request, reply) => {
      const actor = actorOfRequest(request);
      const stats = await stationStats(ctx, actor, request.query.year);
      const xlsx = await buildXlsx(`${stats.year}年服务站分县统计`, [
        { header: "设区市", value: (c) => c.cityName },
        { header: "县(市、区)", value: (c) => c.countyName },
        { header: "站点数", value: (c) => c.stations },
        { header: "24小时站点", value: (c) => c.stations24h },
        { header: "提升改造申报数", value: (c) => c.claimed },
        { header: "提升改造认定数", value: (c) => c.counted },
        { header: "报告数", value: (c) => c.reports },
        { header: "未答复", value: (c) => c.reportsOpen },
        { header: "逾期未答复", value: (c) => c.reportsOverdue },
        { header: "平均答复时长(小时)", value: (c) => c.meanResponseHours },
        { header: "签到人次", value: (c) => c.visits },
      ], stats.counties);
      return sendXlsx(reply, exportFilename(`${stats.year}年服务站分县统计`, exportScope(actor), ctx.now()), xlsx);
    },
  );
  app.get(
    "/api/stations/:id",
    { config: { permission: "station.read" }, schema: { tags, summary: "服务站详情", params: idParams, response: { 200: stationSchema, 404: errorBodySchema } } },
    (request) => getStation(ctx, actorOfRequest(request), request.params.id),
  );
  app.get(
    "/api/stations/:id/manager-phone",
    { config: { permission: "station.readPersonal" }, schema: { tags, summary: "查看负责人手机全号(留痕)", params: idParams, response: { 200: z.object({ phone: z.string() }), 404: errorBodySchema } } },
    async (request) => ({ phone: await readManagerPhone(ctx, actorOfRequest(request), request.params.id) }),
  );
  app.get(
    "/api/stations/:id/qr.svg",
    { config: { permission: "station.read" }, schema: { tags, summary: "站点签到二维码(SVG，张贴在站内)", params: idParams } },
    async (request, reply) => {
      const station = await getStation(ctx, actorOfRequest(request), request.params.id);
      const url = `${request.protocol}://${request.host}/public/stations/${station.id}?checkin=1`;
      const svg = await QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
      return reply.type("image/svg+xml").send(svg);
    },
  );
  app.post(
    "/api/stations",
    { config: { permission: "station.write" }, schema: { tags, summary: "登记服务站(所在县须在本辖区)", body: stationInputSchema, response: { 201: stationSchema, 400: errorBodySchema, 403: errorBodySchema } } },
    async (request, reply) => reply.status(201).send(await createStation(ctx, actorOfRequest(request), request.body)),
  );
  app.put(
    "/api/stations/:id",
    {
      config: { permission: "station.write" },
      schema: { tags, summary: "修改服务站(整体替换；勾选“现场核实”的设施记为今日由本人核实；手机号不填则保留)", params: idParams, body: stationInputSchema, response: { 200: stationSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema } },
    },
    (request) => updateStation(ctx, actorOfRequest(request), request.params.id, request.body),
  );

  app.get(
    "/api/station-reports",
    {
      config: { permission: "station.read" },
      schema: { tags, summary: "工人报告的站点问题(本辖区；未答复在前)", querystring: pageQuerySchema.extend({ status: z.enum(["open", "answered"], { error: "状态应为 open 或 answered" }).optional() }), response: { 200: pageOf(stationReportSchema) } },
    },
    (request) => listReports(ctx, actorOfRequest(request), request.query),
  );
  app.get(
    "/api/station-reports/:id",
    { config: { permission: "station.read" }, schema: { tags, summary: "报告详情", params: reportIdParams, response: { 200: stationReportSchema, 404: errorBodySchema } } },
    (request) => getReport(ctx, actorOfRequest(request), request.params.id),
  );
  app.post(
    "/api/station-reports/:id/answer",
    {
      config: { permission: "stationReport.answer" },
      schema: { tags, summary: "答复报告(报告人凭回执码可见；待办随之关闭)", params: reportIdParams, body: reportAnswerSchema, response: { 200: stationReportSchema, 400: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema } },
    },
    (request) => answerReport(ctx, actorOfRequest(request), request.params.id, request.body),
  );
}
