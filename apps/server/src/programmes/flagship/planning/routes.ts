import { errorBodySchema, planAcceptResultSchema, planAcceptSchema, planComputeSchema, planResultSchema } from "@jiangxin/domain";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { acceptPlan } from "./acceptPlan";
import { computePlan } from "./computePlan";

const tags = ["专家调度规划 planning"];

export function planningRoutes(app: HttpApp, ctx: AppContext): void {
  app.post(
    "/api/plans/compute",
    {
      config: { permission: "campaign.plan" },
      // A province-wide plan is tens of thousands of rows each way; pins and forbids come back in full.
      bodyLimit: 8 * 1024 * 1024,
      // The answer is ~10 MB of 20,000 rows built here and typed as PlanResult; re-encoding it through
      // zod (a copy of every row, a uuid check per id) cost 0.3–0.5 s of the 3 s budget. The schema
      // stays for the API docs and the web client, which still parses it.
      serializerCompiler: () => (data) => JSON.stringify(data),
      schema: {
        tags,
        summary: "计算专家调度方案(辖区内已受理、待匹配的难题 × 全省可服务专家；不写入)",
        body: planComputeSchema,
        response: { 200: planResultSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema },
      },
    },
    (request) => computePlan(ctx, actorOfRequest(request), request.body),
  );

  app.post(
    "/api/plans/accept",
    {
      config: { permission: "campaign.plan" },
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: "采纳方案：逐项 已受理→已匹配专家，全部成功或全部不变(留痕)",
        body: planAcceptSchema,
        response: { 200: planAcceptResultSchema, 400: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema },
      },
    },
    (request) => acceptPlan(ctx, actorOfRequest(request), request.body),
  );
}
