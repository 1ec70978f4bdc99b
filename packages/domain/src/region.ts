import { z } from "zod";

export const regionLevels = ["province", "city", "county"] as const;
export const regionLevelSchema = z.enum(regionLevels);

/** GB/T 2260 six-digit code: 330000 is Zhejiang, 3301xx Hangzhou's counties. */
export const regionCodeSchema = z.string().regex(/^\d{6}$/, "区划代码应为6位数字");

export const priorityKinds = ["mountainous", "island"] as const;
export const priorityKindSchema = z.enum(priorityKinds);
export type PriorityKind = z.infer<typeof priorityKindSchema>;
export const priorityKindLabels: Record<PriorityKind, string> = { mountainous: "山区县", island: "海岛县" };

export const regionSchema = z.object({
  code: regionCodeSchema,
  name: z.string(),
  level: regionLevelSchema,
  parentCode: regionCodeSchema.nullable(),
  /** County seat (or city seat) coordinates, GCJ-02 as shipped by the map data. */
  lng: z.number().nullable(),
  lat: z.number().nullable(),
  /** Priority programmes the region belongs to on the date asked about. */
  priority: z.array(priorityKindSchema),
});
export type Region = z.infer<typeof regionSchema>;

export type RegionNode = Region & { children: RegionNode[] };
export const regionNodeSchema: z.ZodType<RegionNode> = regionSchema.extend({
  get children() {
    return z.array(regionNodeSchema);
  },
}).meta({ id: "RegionNode" }); // recursive: OpenAPI needs it as a named component

export const regionTreeQuerySchema = z.object({
  /** The date priority membership is evaluated on; today when absent. */
  on: z.iso.date({ error: "日期格式应为 YYYY-MM-DD" }).optional(),
});
