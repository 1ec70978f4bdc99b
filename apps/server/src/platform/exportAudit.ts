import { auditActorOf, writeAudit } from "./audit/writeAudit";
import type { AppContext, HttpApp } from "./context";

/**
 * Every export leaves an audit row before the file is sent (lists of people and firms are personal
 * data even masked: names, employers, masked phones): who, which list, with which filters. One hook
 * for every `GET …/export` route, so an export added later is audited without a line of its own; if
 * the row cannot be written, nothing is exported.
 */
export function registerExportAudit(app: HttpApp, ctx: AppContext): void {
  app.addHook("preHandler", async (request) => {
    const url = request.routeOptions.url ?? "";
    if (request.method !== "GET" || !url.endsWith("/export") || !request.actor) return;
    const actor = request.actor;
    await ctx.database.db.transaction((tx) =>
      writeAudit(tx, auditActorOf(actor), {
        action: "data.export",
        objectType: url,
        detail: { query: request.query ?? {}, params: request.params ?? {} },
      }),
    );
  });
}
