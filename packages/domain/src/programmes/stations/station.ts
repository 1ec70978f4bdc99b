import { z } from "zod";
import { mobileSchema } from "../../validators/mobile";
import { pageQuerySchema } from "../../paging";

/** Who hosts a station (the article's list): a union's own premises, a bank branch, a post office … */
export const hostKinds = ["union", "bank", "postOffice", "petrolStation", "shop", "community", "other"] as const;
export const hostKindSchema = z.enum(hostKinds, { error: "请选择站点依托单位类型" });
export type HostKind = z.infer<typeof hostKindSchema>;
export const hostKindLabels: Record<HostKind, string> = {
  union: "工会阵地",
  bank: "银行网点",
  postOffice: "邮政网点",
  petrolStation: "加油站",
  shop: "商铺",
  community: "社区",
  other: "其他",
};

/** The Shanghai "10+X" standard's ten; local extras ("X") are free text beside them. */
export const amenityKeys = ["airConditioning", "fridge", "microwave", "water", "charging", "seating", "wifi", "toilet", "firstAid", "powerBank"] as const;
export const amenityKeySchema = z.enum(amenityKeys, { error: "设施项目不正确" });
export type AmenityKey = z.infer<typeof amenityKeySchema>;
export const amenityLabels: Record<AmenityKey, string> = {
  airConditioning: "空调",
  fridge: "冰箱",
  microwave: "微波炉",
  water: "饮水",
  charging: "充电",
  seating: "桌椅",
  wifi: "无线网络",
  toilet: "卫生间",
  firstAid: "急救箱",
  powerBank: "充电宝",
};
/** Water is drinkable from the tap/dispenser, or only a refill point (bring your own cup, boil first). */
export const waterKinds = ["drinkable", "refill"] as const;
export type WaterKind = (typeof waterKinds)[number];
export const waterKindLabels: Record<WaterKind, string> = { drinkable: "可直饮", refill: "可接水" };

/** Filters the finder takes: any amenity, plus drinkable water specifically (refill-only water does not match it). */
export const amenityFilterKeys = [...amenityKeys, "drinkableWater"] as const;
export type AmenityFilterKey = (typeof amenityFilterKeys)[number];
export const amenityFilterLabels: Record<AmenityFilterKey, string> = { ...amenityLabels, drinkableWater: "可直饮水" };

export const stationStatuses = ["open", "closed", "removed"] as const;
export const stationStatusSchema = z.enum(stationStatuses, { error: "请选择站点状态" });
export type StationStatus = z.infer<typeof stationStatusSchema>;
export const stationStatusLabels: Record<StationStatus, string> = { open: "正常运行", closed: "暂停开放", removed: "已撤销" };

/** What a station is at an instant for someone standing outside it. Unknown is never shown as open. */
export const openStates = ["open", "closed", "unknown"] as const;
export type OpenState = (typeof openStates)[number];
export const openStateLabels: Record<OpenState, string> = { open: "开放中", closed: "已关闭", unknown: "开放情况不明" };

export const occupations = ["courier", "rider", "sanitation", "construction", "driver", "other"] as const;
export const occupationSchema = z.enum(occupations, { error: "请选择职业" });
export type Occupation = z.infer<typeof occupationSchema>;
export const occupationLabels: Record<Occupation, string> = {
  courier: "快递员",
  rider: "外卖骑手",
  sanitation: "环卫工人",
  construction: "建筑工人",
  driver: "网约车/货车司机",
  other: "其他",
};

/** Mainland China's bounding box: coarse on purpose (it says "not in China", not "not in Zhejiang"). */
export const chinaBounds = { minLng: 73.4, maxLng: 135.1, minLat: 18.1, maxLat: 53.6 } as const;
export const outsideChinaMessage = "坐标不在中国境内(经度73.4–135.1，纬度18.1–53.6)，请检查经纬度是否填反";
export const isInChina = (lng: number, lat: number) =>
  lng >= chinaBounds.minLng && lng <= chinaBounds.maxLng && lat >= chinaBounds.minLat && lat <= chinaBounds.maxLat;

const lngSchema = z.coerce.number({ error: "经度应为数字" }).refine(Number.isFinite, "经度应为数字");
const latSchema = z.coerce.number({ error: "纬度应为数字" }).refine(Number.isFinite, "纬度应为数字");

/** One amenity as staff enter it: `verify` stamps it checked now, by the editor (the server sets who and when). */
export const amenityInputSchema = z.strictObject({
  key: amenityKeySchema,
  water: z.enum(waterKinds, { error: "请选择饮水类型(可直饮或可接水)" }).nullable().default(null),
  verify: z.boolean().default(false),
});

const chinaDate = (what: string) => z.iso.date({ error: `${what}格式应为 YYYY-MM-DD` });

export const stationInputSchema = z
  .strictObject({
    name: z.string({ error: "请填写站点名称" }).trim().min(2, "站点名称至少2个字").max(60, "站点名称不超过60个字"),
    hostKind: hostKindSchema,
    hostOrg: z.string({ error: "请填写依托单位" }).trim().min(2, "依托单位至少2个字").max(100, "依托单位不超过100个字"),
    address: z.string({ error: "请填写地址" }).trim().min(4, "地址至少4个字").max(200, "地址不超过200个字"),
    lng: lngSchema,
    lat: latSchema,
    countyCode: z.string({ error: "请选择所在县(市、区)" }).regex(/^\d{6}$/, "请选择所在县(市、区)"),
    unionId: z.uuid({ error: "请选择负责的工会" }),
    managerName: z.string({ error: "请填写站点负责人" }).trim().min(2, "负责人姓名至少2个字").max(32, "负责人姓名不超过32个字"),
    /** Left out on an edit: the stored number stays. */
    managerPhone: mobileSchema.optional(),
    status: stationStatusSchema.default("open"),
    closedUntil: chinaDate("暂停至日期").nullable().default(null),
    removedReason: z.string().trim().max(200, "撤销原因不超过200个字").nullable().default(null),
    amenities: z.array(amenityInputSchema).max(amenityKeys.length, "设施项目重复").default([]),
    /** The "X" of "10+X": local items (热饭、雨具、打气筒 …), text only. */
    localItems: z.array(z.string().trim().min(1).max(20, "特色服务每项不超过20个字")).max(10, "特色服务最多10项").default([]),
    /** OpenStreetMap opening_hours syntax ("Mo-Fr 08:00-20:00; PH off", "24/7"); the server parses it. Empty = not known. */
    openingHours: z.string().trim().max(255, "开放时间不超过255个字符").default(""),
    verifyHours: z.boolean().default(false),
    /** The year the county claims this station as upgraded (提升改造); counted only if the rule holds. */
    upgradeClaimedYear: z.number().int("年度应为整数").min(2020, "年度不早于2020").max(2100, "年度不晚于2100").nullable().default(null),
  })
  .superRefine((v, ctx) => {
    if (!isInChina(v.lng, v.lat)) {
      ctx.addIssue({ code: "custom", path: ["lng"], message: outsideChinaMessage });
      ctx.addIssue({ code: "custom", path: ["lat"], message: outsideChinaMessage });
    }
    if (v.status === "closed" && !v.closedUntil) ctx.addIssue({ code: "custom", path: ["closedUntil"], message: "暂停开放的站点请填写暂停至哪一天" });
    if (v.status === "removed" && !v.removedReason) ctx.addIssue({ code: "custom", path: ["removedReason"], message: "撤销站点请填写原因" });
    const keys = v.amenities.map((a) => a.key);
    if (new Set(keys).size !== keys.length) ctx.addIssue({ code: "custom", path: ["amenities"], message: "设施项目重复" });
    const water = v.amenities.find((a) => a.key === "water");
    if (water && !water.water) ctx.addIssue({ code: "custom", path: ["amenities"], message: "饮水请选择可直饮或可接水" });
  });
export type StationInput = z.infer<typeof stationInputSchema>;

export const amenitySchema = z.object({
  key: amenityKeySchema,
  water: z.enum(waterKinds).nullable(),
  /** ISO instant of the last check on site, null if never checked. */
  verifiedAt: z.string().nullable(),
  verifiedBy: z.string().nullable(),
});
export type Amenity = z.infer<typeof amenitySchema>;

export const stationSchema = z.object({
  id: z.string(),
  name: z.string(),
  hostKind: hostKindSchema,
  hostOrg: z.string(),
  address: z.string(),
  lng: z.number(),
  lat: z.number(),
  countyCode: z.string(),
  countyName: z.string(),
  unionId: z.string(),
  unionName: z.string(),
  managerName: z.string(),
  managerPhoneMasked: z.string(),
  status: stationStatusSchema,
  closedUntil: z.string().nullable(),
  removedReason: z.string().nullable(),
  amenities: z.array(amenitySchema),
  localItems: z.array(z.string()),
  openingHours: z.string(),
  is24h: z.boolean(),
  hoursVerifiedAt: z.string().nullable(),
  upgradeClaimedYear: z.number().nullable(),
  updatedAt: z.string(),
});
export type Station = z.infer<typeof stationSchema>;

export const stationListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(50, "关键词不超过50个字").optional(),
  countyCode: z.string().regex(/^\d{6}$/, "区划代码应为6位数字").optional(),
  status: stationStatusSchema.optional(),
});
export type StationListQuery = z.infer<typeof stationListQuerySchema>;

const commaList = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (!raw) return [] as AmenityFilterKey[];
    const parts = raw.split(",").map((s) => s.trim()).filter(Boolean);
    const bad = parts.find((p) => !(amenityFilterKeys as readonly string[]).includes(p));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `不认识的设施“${bad}”，可选：${amenityFilterKeys.join(",")}` });
      return z.NEVER;
    }
    return parts as AmenityFilterKey[];
  });

/** GET /api/public/stations/nearby. */
export const nearbyQuerySchema = z
  .strictObject({
    lng: lngSchema,
    lat: latSchema,
    amenities: commaList,
    openAt: z.iso.datetime({ offset: true, error: "openAt 应为 ISO 时间，如 2026-07-01T22:00:00+08:00" }).optional(),
    openNow: z.enum(["1", "0", "true", "false"], { error: "openNow 应为 1 或 0" }).optional().transform((v) => v === "1" || v === "true"),
    limit: z.coerce.number({ error: "limit 应为数字" }).int("limit 应为整数").min(1, "limit 至少为1").max(50, "limit 最多为50").default(10),
    /** Search radius in metres: a phone in Hangzhou is not sent to a station in Wenzhou. */
    within: z.coerce.number({ error: "within 应为数字" }).int("within 应为整数").min(100, "搜索半径至少100米").max(200_000, "搜索半径最多200公里").default(50_000),
  })
  .superRefine((v, ctx) => {
    if (!isInChina(v.lng, v.lat)) {
      ctx.addIssue({ code: "custom", path: ["lng"], message: outsideChinaMessage });
      ctx.addIssue({ code: "custom", path: ["lat"], message: outsideChinaMessage });
    }
  });
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

export const publicAmenitySchema = z.object({ key: amenityKeySchema, label: z.string(), water: z.enum(waterKinds).nullable(), verifiedAt: z.string().nullable() });

/** A station as the public sees it: no manager, no phone; its state at the asked instant. */
export const publicStationSchema = z.object({
  id: z.string(),
  name: z.string(),
  hostKind: hostKindSchema,
  hostOrg: z.string(),
  address: z.string(),
  countyCode: z.string(),
  lng: z.number(),
  lat: z.number(),
  status: stationStatusSchema,
  closedUntil: z.string().nullable(),
  state: z.enum(openStates),
  /** The next opening (when closed) or closing (when open), ISO; null when none is known within a week or it never changes. */
  nextChange: z.string().nullable(),
  /**
   * Present (true) when the asked instant falls on a 调休 working day (a weekend day the State Council's notice
   * makes a working day) and the station's hours were read as an ordinary working day's, which changed them:
   * the page says 调休工作日 beside the state. Absent otherwise.
   */
  makeUpWorkday: z.boolean().optional(),
  openingHours: z.string(),
  is24h: z.boolean(),
  hoursVerifiedAt: z.string().nullable(),
  amenities: z.array(publicAmenitySchema),
  localItems: z.array(z.string()),
  /** Someone reported it locked during its hours and the county has not answered yet. */
  lockReported: z.boolean(),
});
export type PublicStation = z.infer<typeof publicStationSchema>;

/**
 * A station in the finder's answer: what a list card and the map need, lean because it is the busiest
 * public call (about a third of the full station's bytes). `amenities` is one compact field: each amenity
 * present, with the China date it was last checked (null: never checked); `water` says whether the water is
 * drinkable or a refill point. Host, hours text, local items and labels come from GET /api/public/stations/:id.
 */
export const nearbyStationSchema = publicStationSchema
  .pick({ id: true, name: true, address: true, countyCode: true, lng: true, lat: true, status: true, closedUntil: true, state: true, nextChange: true, makeUpWorkday: true, is24h: true, lockReported: true })
  .extend({
    /** The China date the hours were last checked. */
    hoursVerifiedOn: z.string().nullable(),
    amenities: z.partialRecord(amenityKeySchema, z.string().nullable()),
    water: z.enum(waterKinds).nullable(),
    distanceM: z.number().int(),
  });
export type NearbyStation = z.infer<typeof nearbyStationSchema>;
export const nearbyResultSchema = z.object({ at: z.string(), items: z.array(nearbyStationSchema) });
export type NearbyResult = z.infer<typeof nearbyResultSchema>;

/** A station's photos as the public page lists them (the bytes: /api/public/stations/:id/photos/:photoId/thumbnail|content). */
export const publicStationPhotosSchema = z.object({ items: z.array(z.object({ id: z.string(), width: z.number().nullable(), height: z.number().nullable(), hasThumbnail: z.boolean() })) });
export type PublicStationPhotos = z.infer<typeof publicStationPhotosSchema>;

export const stationCheckInSchema = z.strictObject({ occupation: occupationSchema });
export type StationCheckIn = z.infer<typeof stationCheckInSchema>;
export const stationCheckInResultSchema = z.object({ stationName: z.string(), visitsToday: z.number().int() });
