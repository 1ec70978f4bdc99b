import { myTasksSchema } from "@jiangxin/domain";
import { actorOfRequest } from "../../../platform/auth/authHook";
import type { AppContext, HttpApp } from "../../../platform/context";
import { myTasksFor } from "./myTasks";

export function myTaskRoutes(app: HttpApp, ctx: AppContext): void {
  app.get(
    "/api/my-tasks",
    { config: { permission: "task.mine" }, schema: { tags: ["劳模工匠助企行 我的任务"], summary: "专家的我的任务：在办难题(今日走访优先)与即将走访", response: { 200: myTasksSchema } } },
    (request) => myTasksFor(ctx, actorOfRequest(request)),
  );
}
