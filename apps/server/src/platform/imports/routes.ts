import { errorBodySchema, importJobSchema, importKindSchema, type ImportKind } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../auth/authHook";
import type { AppContext, HttpApp } from "../context";
import { AppError } from "../errors";
import { buildXlsx, sendXlsx } from "../xlsx";
import { getImportJob, startImport } from "./importJobs";
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
      const example = Object.fromEntries(spec.columns.map((c) => [c.header, c.example]));
      const data = await buildXlsx(spec.sheetName, spec.columns.map((c) => ({ header: c.header, width: 24, value: (r: Record<string, string>) => r[c.header] })), [example]);
      return sendXlsx(reply, `${spec.sheetName}导入模板.xlsx`, data);
    },
  );

  app.post(
    "/api/imports/:kind",
    {
      config: { permission: "data.import" },
      schema: { tags, summary: "上传 .xlsx 开始导入(全部成功或全部不导入)", params: z.object({ kind: importKindSchema }), response: { 202: importJobSchema, 400: errorBodySchema } },
    },
    async (request, reply) => {
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError("BAD_REQUEST", "请上传 .xlsx 文件");
      return reply.status(202).send(startImport(ctx, actorOfRequest(request), specOf(request.params.kind), body));
    },
  );

  app.get(
    "/api/imports/jobs/:id",
    { config: { permission: "data.import" }, schema: { tags, summary: "导入进度与结果", params: z.object({ id: z.uuid({ error: "任务编号格式不正确" }) }), response: { 200: importJobSchema, 404: errorBodySchema } } },
    (request) => getImportJob(actorOfRequest(request), request.params.id),
  );
}
