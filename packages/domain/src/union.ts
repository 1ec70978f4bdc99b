import { z } from "zod";
import { pageQuerySchema } from "./paging";
import { regionCodeSchema } from "./region";

/**
 * 工会组织: the tree every programme counts by. The three federation levels mirror the region
 * directory (one per region, created at start); industry unions (产业工会) sit under a federation;
 * grassroots unions (基层工会) are where workers are members.
 */
export const unionKinds = ["provincial", "city", "county", "industry", "grassroots"] as const;
export const unionKindSchema = z.enum(unionKinds, { error: "请选择工会类别" });
export type UnionKind = z.infer<typeof unionKindSchema>;
export const unionKindLabels: Record<UnionKind, string> = {
  provincial: "省总工会",
  city: "市总工会",
  county: "县(市、区)总工会",
  industry: "产业工会",
  grassroots: "基层工会",
};
/** The kinds created from the region directory; nobody creates or re-parents them by hand. */
export const federationKinds = ["provincial", "city", "county"] as const satisfies readonly UnionKind[];
export const isFederationKind = (kind: UnionKind) => (federationKinds as readonly UnionKind[]).includes(kind);

/** How a grassroots union is built: one enterprise, several small ones together, an area, or a sector's coverage. */
export const unionFormations = ["single", "joint", "regional", "coverage"] as const;
export const unionFormationSchema = z.enum(unionFormations, { error: "请选择建会方式" });
export type UnionFormation = z.infer<typeof unionFormationSchema>;
export const unionFormationLabels: Record<UnionFormation, string> = {
  single: "单独建会",
  joint: "联合建会",
  regional: "区域建会",
  coverage: "覆盖建会",
};

const uuidOf = (what: string) => z.uuid({ error: `${what}格式不正确` });

/**
 * What staff type for an industry or grassroots union. Federations come from the region directory.
 * `enterpriseIds` are the enterprises the union covers (a single-enterprise union covers exactly one).
 */
export const unionInputSchema = z
  .strictObject({
    name: z.string({ error: "请填写工会名称" }).trim().min(4, "工会名称至少4个字").max(100, "工会名称不超过100个字"),
    kind: z.enum(["industry", "grassroots"], { error: "请选择工会类别(产业工会或基层工会)" }),
    formation: unionFormationSchema.nullable().default(null),
    /** A county-level unit for a grassroots union; an industry union may sit at a city or the province too. */
    regionCode: regionCodeSchema,
    parentId: uuidOf("上级工会"),
    foundedOn: z.iso.date({ error: "成立日期格式应为 YYYY-MM-DD" }).nullable().default(null),
    chairName: z.string().trim().max(32, "工会主席姓名不超过32个字").nullable().default(null),
    memberCount: z.number({ error: "会员人数应为数字" }).int("会员人数应为整数").min(0, "会员人数不能为负数").max(1_000_000, "会员人数不超过100万").default(0),
    enterpriseIds: z.array(uuidOf("企业编号")).max(500, "覆盖企业不超过500家").default([]),
  })
  .superRefine((v, ctx) => {
    if (v.kind === "grassroots" && !v.formation) ctx.addIssue({ code: "custom", path: ["formation"], message: "基层工会请选择建会方式" });
    if (v.kind === "industry" && v.formation) ctx.addIssue({ code: "custom", path: ["formation"], message: "产业工会不填建会方式" });
    if (v.formation === "single" && v.enterpriseIds.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["enterpriseIds"], message: "单独建会的工会应覆盖且只覆盖1家企业" });
    }
    if (v.formation === "joint" && v.enterpriseIds.length < 2) ctx.addIssue({ code: "custom", path: ["enterpriseIds"], message: "联合建会的工会应覆盖至少2家企业" });
    if (new Set(v.enterpriseIds).size !== v.enterpriseIds.length) ctx.addIssue({ code: "custom", path: ["enterpriseIds"], message: "覆盖企业有重复" });
  });
export type UnionInput = z.input<typeof unionInputSchema>;
export type UnionValues = z.output<typeof unionInputSchema>;

/** An edit: the same fields, every one optional; the kind does not change. */
export const unionPatchSchema = z.strictObject({
  name: z.string({ error: "请填写工会名称" }).trim().min(4, "工会名称至少4个字").max(100, "工会名称不超过100个字").optional(),
  formation: unionFormationSchema.optional(),
  parentId: uuidOf("上级工会").optional(),
  foundedOn: z.iso.date({ error: "成立日期格式应为 YYYY-MM-DD" }).nullable().optional(),
  chairName: z.string().trim().max(32, "工会主席姓名不超过32个字").nullable().optional(),
  memberCount: z.number({ error: "会员人数应为数字" }).int("会员人数应为整数").min(0, "会员人数不能为负数").max(1_000_000, "会员人数不超过100万").optional(),
  enterpriseIds: z.array(uuidOf("企业编号")).max(500, "覆盖企业不超过500家").optional(),
});
export type UnionPatch = z.infer<typeof unionPatchSchema>;

export const unionSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: unionKindSchema,
  formation: unionFormationSchema.nullable(),
  /** The region the union sits in: the province, a city, or (for every other union) a county-level unit. */
  regionCode: z.string(),
  regionName: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  foundedOn: z.string().nullable(),
  chairName: z.string().nullable(),
  memberCount: z.number().int(),
  enterpriseCount: z.number().int(),
  childCount: z.number().int(),
  updatedAt: z.string(),
});
export type Union = z.infer<typeof unionSchema>;

export const unionEnterpriseSchema = z.object({ id: z.string(), name: z.string(), uscc: z.string(), size: z.string(), countyName: z.string() });
export const unionDetailSchema = unionSchema.extend({
  enterprises: z.array(unionEnterpriseSchema),
  children: z.array(unionSchema),
  /** From the top (省总工会) down to the parent: the breadcrumb. */
  ancestors: z.array(z.object({ id: z.string(), name: z.string() })),
});
export type UnionDetail = z.infer<typeof unionDetailSchema>;

export const unionListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100, "搜索词不超过100个字").optional(),
  regionCode: regionCodeSchema.optional(),
  kind: unionKindSchema.optional(),
  formation: unionFormationSchema.optional(),
  parentId: uuidOf("上级工会").optional(),
});
export type UnionListQuery = z.infer<typeof unionListQuerySchema>;

/** One county's row of the coverage figure. */
export const unionCoverageRowSchema = z.object({
  countyCode: z.string(),
  countyName: z.string(),
  cityName: z.string(),
  enterprises: z.number().int(),
  covered: z.number().int(),
  /** covered / enterprises, null when there are none. */
  share: z.number().nullable(),
});
export const unionCoverageQuerySchema = z.object({
  sizes: z
    .string()
    .optional()
    .transform((s, ctx) => {
      const list = (s ?? "large,medium").split(",").filter(Boolean);
      const bad = list.find((x) => !["large", "medium", "small", "micro"].includes(x));
      if (bad !== undefined || list.length === 0) {
        ctx.addIssue({ code: "custom", message: "企业规模应为 large、medium、small、micro 之一，用逗号分隔" });
        return z.NEVER;
      }
      return list as ("large" | "medium" | "small" | "micro")[];
    }),
  nonPublicOnly: z.enum(["true", "false"], { error: "nonPublicOnly 应为 true 或 false" }).optional().transform((v) => v === "true"),
  regionCode: regionCodeSchema.optional(),
});
export type UnionCoverageQuery = z.infer<typeof unionCoverageQuerySchema>;
export const unionCoverageSchema = z.object({
  definition: z.string(),
  sizes: z.array(z.string()),
  nonPublicOnly: z.boolean(),
  total: unionCoverageRowSchema.omit({ countyCode: true, countyName: true, cityName: true }),
  rows: z.array(unionCoverageRowSchema),
  computedAt: z.string(),
});
export type UnionCoverage = z.infer<typeof unionCoverageSchema>;

