import { z } from "zod";

export const pageQuerySchema = z.object({
  page: z.coerce.number({ error: "页码应为数字" }).int("页码应为整数").min(1, "页码从1开始").default(1),
  pageSize: z.coerce.number({ error: "每页条数应为数字" }).int("每页条数应为整数").min(1, "每页至少1条").max(200, "每页最多200条").default(20),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
}
