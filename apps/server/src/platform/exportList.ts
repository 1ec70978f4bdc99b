import type { Permission } from "@jiangxin/domain";
import type { FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "./actor";
import { actorOfRequest } from "./auth/authHook";
import type { HttpApp } from "./context";
import { AppError } from "./errors";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { exportFilename, exportScope } from "./exportFilename";
import { sendXlsx, xlsxWriter, type XlsxColumn } from "./xlsx";

/** An export carries at most this many rows; past it the user is asked to filter. */
export const maxExportRows = 50_000;
const pageSize = 1000;
/** Exports running at once in this process; one more is asked to wait (503) rather than slow everyone. */
export const maxConcurrentExports = 2;
let runningExports = 0;

type PageQuery = { page: number; pageSize: number };

/**
 * Registers GET `${url}` that pages through the same list function the screen uses — same filters,
 * same scope — and answers an .xlsx of everything that matches, so an export is always "as filtered".
 * The file is streamed: each page of 1,000 rows is read, written and sent before the next is asked for,
 * and other requests are served between pages (the embedded database runs one query at a time, so one
 * long export must not hold it).
 */
export function exportList<Q extends PageQuery, T>(
  app: HttpApp,
  opts: {
    url: string;
    permission: Permission;
    tags: string[];
    summary: string;
    querystring: z.ZodType<Q>;
    /** What the list is ("服务场次"); the file is named with the scope and date by exportFilename. */
    filename: (request: FastifyRequest) => string;
    list: (actor: Actor, query: Q) => Promise<{ items: T[]; total: number }>;
    columns: XlsxColumn<T>[];
  },
): void {
  app.get(opts.url, { config: { permission: opts.permission }, schema: { tags: opts.tags, summary: opts.summary, querystring: opts.querystring } }, async (request, reply) => {
    const actor = actorOfRequest(request);
    const query = request.query as Q;
    if (runningExports >= maxConcurrentExports) {
      void reply.header("retry-after", "10");
      throw new AppError("SERVICE_UNAVAILABLE", "正在进行的导出较多，请稍后再试");
    }
    runningExports++;
    let released = false;
    const release = () => {
      if (!released) runningExports--;
      released = true;
    };
    try {
      const first = await opts.list(actor, { ...query, page: 1, pageSize });
      if (first.total > maxExportRows) {
        throw new AppError("BAD_REQUEST", `符合条件的记录有${first.total}条，超过单次导出上限${maxExportRows}条，请缩小筛选范围`);
      }
      const sheet = xlsxWriter(opts.summary.slice(0, 30), opts.columns);
      sheet.add(first.items);
      const rest = async () => {
        for (let page = 2; (page - 1) * pageSize < first.total; page++) {
          await yieldToOthers();
          sheet.add((await opts.list(actor, { ...query, page, pageSize })).items);
        }
        await sheet.finish();
      };
      // Headers go now; a failure half-way cuts the download off (the browser reports it failed) and is logged.
      rest()
        .catch((err: unknown) => {
          request.log.error({ err }, "export failed while streaming");
          sheet.stream.destroy(err instanceof Error ? err : new Error(String(err)));
        })
        .finally(release);
      return sendXlsx(reply, exportFilename(opts.filename(request), exportScope(actor, query)), sheet.stream);
    } catch (err) {
      release();
      throw err;
    }
  });
}
