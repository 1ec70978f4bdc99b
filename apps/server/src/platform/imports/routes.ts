import { errorBodySchema, importJobSchema, importKindLabels, importKindSchema, importModeSchema, type ImportKind } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../auth/authHook";
import type { AppContext, HttpApp } from "../context";
import { AppError } from "../errors";
import { buildXlsx, sendXlsx } from "../xlsx";
import { getImportJob, importErrorRows, startImport } from "./importJobs";
import { buildImportTemplate } from "./importTemplate";
import type { ImportSpec } from "./importSpec";

const tags = ["批量导入 imports"];
const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The import routes for every kind a module registers (app.ts gathers them from the modules' surfaces). */
export function importRoutes(app: HttpApp, ctx: AppContext, specs: Partial<Record<ImportKind, ImportSpec<never>>>): void {
  const specOf = (kind: ImportKind): ImportSpec<never> => {
    const spec = specs[kind];
    if (!spec) throw new AppError("NOT_FOUND", "不支持的导入类型");
    return spec;
  };
  // The spreadsheet arrives as the raw body; 20 MB is roughly 100,000 rows.
  app.addContentTypeParser([xlsxType, "application/octet-stream"], { parseAs: "buffer", bodyLimit: 20 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get(
    "/api/imports/:kind/template",
    { config: { permission: "data.import" }, schema: { tags, summary: "下载导入模板(.xlsx)", params: z.object({ kind: importKindSchema }) } },
    async (request, reply) => {
      const spec = specOf(request.params.kind);
      return sendXlsx(reply, `${spec.sheetName}导入模板.xlsx`, await buildImportTemplate(spec, ctx, actorOfRequest(request)));
    },
  );

  app.post(
    "/api/imports/:kind",
    {
      config: { permission: "data.import" },
      schema: {
        tags,
        summary: "上传 .xlsx 开始导入：mode=all 全部正确才导入(默认)；mode=partial 导入正确的行，错误行可下载",
        params: z.object({ kind: importKindSchema }),
        querystring: z.object({ mode: importModeSchema.default("all") }),
        response: { 202: importJobSchema, 400: errorBodySchema },
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError("BAD_REQUEST", "请上传 .xlsx 文件");
      return reply.status(202).send(startImport(ctx, actorOfRequest(request), specOf(request.params.kind), body, request.query.mode));
    },
  );

  app.get(
    "/api/imports/jobs/:id",
    { config: { permission: "data.import" }, schema: { tags, summary: "导入进度与结果", params: z.object({ id: z.uuid({ error: "任务编号格式不正确" }) }), response: { 200: importJobSchema, 404: errorBodySchema } } },
    (request) => getImportJob(actorOfRequest(request), request.params.id),
  );

  app.get(
    "/api/imports/jobs/:id/errors",
    {
      config: { permission: "data.import" },
      schema: { tags, summary: "下载错误行(.xlsx，原列 + 原行号 + 错误原因)", params: z.object({ id: z.uuid({ error: "任务编号格式不正确" }) }), response: { 404: errorBodySchema, 409: errorBodySchema } },
    },
    async (request, reply) => {
      const { kind, headers, rows } = importErrorRows(actorOfRequest(request), request.params.id);
      // The original columns first, so the fixed file uploads as it is; the two extra columns are ignored by the import.
      const columns = [
        ...headers.map((h) => ({ header: h, width: Math.max(12, h.length * 2 + 4), value: (r: (typeof rows)[number]) => r.cells[h] ?? "" })),
        { header: "原行号", width: 8, value: (r: (typeof rows)[number]) => r.row },
        { header: "错误原因", width: 60, value: (r: (typeof rows)[number]) => r.reason },
      ];
      return sendXlsx(reply, `${importKindLabels[kind]}导入错误行.xlsx`, await buildXlsx(`${importKindLabels[kind]}错误行`, columns, rows));
    },
  );
}
