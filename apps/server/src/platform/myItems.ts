import { myItemSchema, type MyItem } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "./auth/authHook";
import type { AppContext, HttpApp } from "./context";
import type { Programme } from "./programme";

/**
 * 我的's list of a worker's applications and registrations: every programme that has any contributes
 * them (Programme.myItems), newest first. A programme that fails to answer is left out rather than
 * failing the page; the others still show.
 */
export function myItemsRoutes(app: HttpApp, ctx: AppContext, programmes: readonly Programme[]): void {
  app.get(
    "/api/me/items",
    {
      config: { permission: "me.self" },
      schema: { tags: ["职工 people"], summary: "我的：本人在各项目中的申请与报名", response: { 200: z.object({ items: z.array(myItemSchema) }) } },
    },
    async (request) => {
      const actor = actorOfRequest(request);
      const lists = await Promise.all(
        programmes.map(async (p) => {
          if (!p.myItems) return [];
          try {
            const items = await p.myItems(ctx, actor);
            return items.map((i): MyItem => ({ ...i, programmeId: p.descriptor.id, programmeName: p.descriptor.name }));
          } catch (err) {
            request.log.error({ err, programme: p.descriptor.id }, "myItems failed");
            return [];
          }
        }),
      );
      const items = lists.flat().sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
      return { items };
    },
  );
}
