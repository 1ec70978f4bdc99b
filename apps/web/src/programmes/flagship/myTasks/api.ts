import { myTasksSchema, type MyTasks } from "@jiangxin/domain";
import { request } from "../../../app/request";

export const myTaskQueryKeys = { all: ["myTasks"] as const };

/** The signed-in expert's open problems and coming visits (the server knows who "my" is). */
export function getMyTasks(signal?: AbortSignal): Promise<MyTasks> {
  return request("/api/my-tasks", { schema: myTasksSchema, signal });
}
