import { errorBodySchema, expertSuggestionListSchema, expertSuggestionQuerySchema } from "@jiangxin/domain";
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
        summary: "为难题推荐专家(前10名及理由；按姓名搜索或按距离排序时前20名；限辖区工会)",
        params: problemParams,
        querystring: expertSuggestionQuerySchema,
        response: { 200: expertSuggestionListSchema, 400: errorBodySchema, 404: errorBodySchema },
      },
    },
    async (request) => ({ items: await suggestExperts(ctx, actorOfRequest(request), request.params.id, request.query) }),
  );
}
