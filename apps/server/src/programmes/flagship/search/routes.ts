import {
  errorBodySchema,
  flagshipSearchQuerySchema,
  flagshipSearchResultSchema,
  problemBatchAcceptSchema,
  problemBatchAssignSchema,
  problemBatchLinkSchema,
  problemBatchResultSchema,
} from "@jiangxin/domain";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { batchAccept } from "./batchAccept";
import { batchAssign } from "./batchAssign";
import { batchLink } from "./batchLink";
import { flagshipSearch } from "./flagshipSearch";
import { selectionExport } from "./selectionExport";

const batchResponses = { 200: problemBatchResultSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema };

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
      schema: { tags: ["劳模工匠助企行 难题"], summary: "批量受理(全部受理或全部不受理；不能受理的逐条列出原因)", body: problemBatchAcceptSchema, response: batchResponses },
    },
    (request) => batchAccept(ctx, actorOfRequest(request), request.body.ids),
  );

  app.post(
    "/api/problems/batch-assign",
    {
      config: { permission: "problem.move" },
      schema: { tags: ["劳模工匠助企行 难题"], summary: "批量指派一位负责专家(须填理由；全部指派或全部不指派，不能指派的逐条列出原因)", body: problemBatchAssignSchema, response: batchResponses },
    },
    (request) => batchAssign(ctx, actorOfRequest(request), request.body),
  );

  app.post(
    "/api/problems/batch-link",
    {
      config: { permission: "serviceSession.write" },
      schema: { tags: ["劳模工匠助企行 难题"], summary: "所选难题纳入一个服务场次(全部纳入或全部不纳入，不能纳入的逐条列出原因)", body: problemBatchLinkSchema, response: batchResponses },
    },
    (request) => batchLink(ctx, actorOfRequest(request), request.body),
  );

  selectionExport(app, ctx);
}
