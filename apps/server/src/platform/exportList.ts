import type { Permission } from "@jiangxin/domain";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "./actor";
import { actorOfRequest } from "./auth/authHook";
import type { HttpApp } from "./context";
import { AppError } from "./errors";
import { buildXlsx, sendXlsx, type XlsxColumn } from "./xlsx";

/** An export carries at most this many rows; past it the user is asked to filter. */
export const maxExportRows = 50_000;
const pageSize = 1000;

type PageQuery = { page: number; pageSize: number };

/**
 * Registers GET `${url}` that pages through the same list function the screen uses — same filters,
 * same scope — and answers an .xlsx of everything that matches, so an export is always "as filtered".
 */
export function exportList<Q extends PageQuery, T>(
  app: HttpApp,
  opts: {
    url: string;
    permission: Permission;
    tags: string[];
    summary: string;
    querystring: z.ZodType<Q>;
    filename: (request: FastifyRequest) => string;
    list: (actor: Actor, query: Q) => Promise<{ items: T[]; total: number }>;
    columns: XlsxColumn<T>[];
  },
): void {
  app.get(opts.url, { config: { permission: opts.permission }, schema: { tags: opts.tags, summary: opts.summary, querystring: opts.querystring } }, async (request, reply) => {
    const actor = actorOfRequest(request);
    const query = request.query as Q;
    const first = await opts.list(actor, { ...query, page: 1, pageSize });
    if (first.total > maxExportRows) {
      throw new AppError("BAD_REQUEST", `符合条件的记录有${first.total}条，超过单次导出上限${maxExportRows}条，请缩小筛选范围`);
    }
    const items = [...first.items];
    for (let page = 2; (page - 1) * pageSize < first.total; page++) items.push(...(await opts.list(actor, { ...query, page, pageSize })).items);
    return sendXlsx(reply, opts.filename(request), await buildXlsx(opts.summary.slice(0, 30), opts.columns, items));
  });
}
