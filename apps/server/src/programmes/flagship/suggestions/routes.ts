import { errorBodySchema, expertSuggestionListSchema } from "@jiangxin/domain";
import { z } from "zod";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { suggestExperts } from "./suggestExperts";

const tags = ["劳模工匠库 experts"];
const problemParams = z.object({ id: z.uuid({ error: "难题编号格式不正确" }) });

export function suggestionRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/problems/:id/suggestions",
    {
      config: { permission: "problem.read" },
      schema: {
        tags,
        summary: "为难题推荐专家(前10名及理由；限辖区工会)",
        params: problemParams,
        response: { 200: expertSuggestionListSchema, 404: errorBodySchema },
      },
    },
    async (request) => ({ items: await suggestExperts(ctx, actorOfRequest(request), request.params.id) }),
  );
}
