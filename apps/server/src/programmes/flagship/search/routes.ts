import { errorBodySchema, flagshipSearchQuerySchema, flagshipSearchResultSchema, problemBatchAcceptSchema, problemBatchResultSchema } from "@jiangxin/domain";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { batchAccept } from "./batchAccept";
import { flagshipSearch } from "./flagshipSearch";

export function searchRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/flagship/search",
    {
      config: { permission: "problem.read" },
      schema: { tags: ["劳模工匠助企行 搜索"], summary: "一个搜索框：企业名称或信用代码、专家、难题编号或标题、服务场次(各至多5条，限本人范围)", querystring: flagshipSearchQuerySchema, response: { 200: flagshipSearchResultSchema, 400: errorBodySchema } },
    },
    async (request) => ({ items: await flagshipSearch(ctx, actorOfRequest(request), request.query.q) }),
  );

  app.post(
    "/api/problems/batch-accept",
    {
      config: { permission: "problem.move" },
      schema: { tags: ["劳模工匠助企行 难题"], summary: "批量受理(逐个按状态流转表受理，失败的单独列出原因)", body: problemBatchAcceptSchema, response: { 200: problemBatchResultSchema, 400: errorBodySchema } },
    },
    (request) => batchAccept(ctx, actorOfRequest(request), request.body.ids),
  );
}
