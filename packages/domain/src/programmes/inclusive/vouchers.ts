import { z } from "zod";

/** A meal voucher (爱心午餐券): one meal at a partner canteen or station, redeemed once by scanning its code. */
export const mealVoucherValueCents = 1000;

export const voucherSchema = z.object({
  id: z.string(),
  /** What the QR carries and a cashier may type: 12 characters, no personal data. */
  code: z.string(),
  issuedOn: z.string(),
  validUntil: z.string(),
  valueCents: z.number(),
  redeemedAt: z.string().nullable(),
  redeemedAtPoint: z.string().nullable(),
});
export type Voucher = z.infer<typeof voucherSchema>;
export const myVouchersSchema = z.object({ vouchers: z.array(voucherSchema), isMember: z.boolean() });
export type MyVouchers = z.infer<typeof myVouchersSchema>;

/** Issue this month's vouchers: so many per member, to the union's (or the area's) members. */
export const voucherIssueSchema = z.strictObject({
  perMember: z.number({ error: "请填写每人张数" }).int("每人张数须为整数").min(1, "每人至少1张").max(31, "每人每次不超过31张"),
  validDays: z.number({ error: "请填写有效天数" }).int("有效天数须为整数").min(1, "有效期至少1天").max(92, "有效期不超过92天").default(31),
});
export type VoucherIssue = z.input<typeof voucherIssueSchema>;
export const voucherIssueResultSchema = z.object({ members: z.number(), vouchers: z.number() });

/** A scan at a redemption point: the code read from the QR (or typed). */
export const voucherRedeemSchema = z.strictObject({
  code: z
    .string({ error: "请扫描或输入餐券码" })
    .trim()
    .transform((v) => v.replace(/^.*\//, "").toUpperCase())
    .pipe(z.string().regex(/^[0-9A-Z]{12}$/, "餐券码为12位字母或数字")),
});
export const voucherRedeemResultSchema = z.object({ memberNameMasked: z.string(), pointName: z.string(), redeemedAt: z.string() });
export type VoucherRedeemResult = z.infer<typeof voucherRedeemResultSchema>;

export const redemptionPointKinds = ["canteen", "station"] as const;
export const redemptionPointKindLabels = { canteen: "合作食堂", station: "职工驿站" } as const;

/** Meals redeemed per day (and where), for the union and staff. */
export const dailyRedemptionsSchema = z.object({
  days: z.array(z.object({ day: z.string(), count: z.number() })),
  points: z.array(z.object({ name: z.string(), kind: z.enum(redemptionPointKinds), countyName: z.string(), count: z.number() })),
  issued: z.number(),
  redeemed: z.number(),
});
export type DailyRedemptions = z.infer<typeof dailyRedemptionsSchema>;

/** The 9+X figures: members by dimension, new members per month, participation per item and county. */
export const inclusiveFiguresSchema = z.object({
  year: z.number(),
  members: z.number(),
  newMembersByMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  byCounty: z.array(z.object({ code: z.string(), name: z.string(), members: z.number(), participants: z.number(), rate: z.number() })),
  byOccupation: z.array(z.object({ key: z.string(), count: z.number() })),
  byPlatform: z.array(z.object({ key: z.string(), count: z.number() })),
  byUnionKind: z.array(z.object({ key: z.string(), count: z.number() })),
  byItem: z.array(z.object({ code: z.string(), name: z.string(), rows: z.number(), participants: z.number(), rate: z.number() })),
  participants: z.number(),
  /** Participation (members with any benefit / members) against the target share, e.g. 湖州's 95%. */
  participationRate: z.number(),
  participationTarget: z.number(),
  computedAt: z.string(),
});
export type InclusiveFigures = z.infer<typeof inclusiveFiguresSchema>;

/** 湖州's published target: 95% of members use at least one service in the year. A setting, shown beside every rate. */
export const participationTargetShare = 0.95;

export const redemptionPointInputSchema = z.strictObject({
  name: z.string({ error: "请填写网点名称" }).trim().min(2, "网点名称至少2个字").max(40, "网点名称不超过40个字"),
  kind: z.enum(redemptionPointKinds, { error: "请选择网点类型" }),
});
export const redemptionPointListSchema = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(redemptionPointKinds), countyName: z.string() })),
});
export const inclusiveFiguresQuerySchema = z.object({
  year: z.coerce.number({ error: "年度格式不正确" }).int().min(2020, "年度不早于2020").max(2100, "年度格式不正确").optional(),
  regionCode: z.string().regex(/^\d{6}$/, "区划代码为6位数字").optional(),
});
