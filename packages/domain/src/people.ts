import { z } from "zod";

/** 职业技能等级 ("新八级工"), lowest first; the index is the rank used when comparing levels. */
export const skillLevels = ["apprentice", "junior", "intermediate", "senior", "technician", "seniorTechnician", "specialTechnician", "chiefTechnician"] as const;
export const skillLevelSchema = z.enum(skillLevels, { error: "请选择职业技能等级" });
export type SkillLevel = z.infer<typeof skillLevelSchema>;
export const skillLevelLabels: Record<SkillLevel, string> = {
  apprentice: "学徒工",
  junior: "初级工(五级)",
  intermediate: "中级工(四级)",
  senior: "高级工(三级)",
  technician: "技师(二级)",
  seniorTechnician: "高级技师(一级)",
  specialTechnician: "特级技师",
  chiefTechnician: "首席技师",
};
export const skillRank = (level: SkillLevel) => skillLevels.indexOf(level);

export const honourTitles = [
  "nationalModelWorker",
  "nationalMayDayMedal",
  "greatCraftsman",
  "provincialModelWorker",
  "provincialMayDayMedal",
  "zhejiangOutstandingCraftsman",
  "zhejiangCraftsman",
  "zhejiangGoldenBlueCollar",
  "nationalTechnicalExpert",
  "provincialTechnicalExpert",
  "other",
] as const;
export const honourTitleSchema = z.enum(honourTitles, { error: "请选择荣誉称号" });
export type HonourTitle = z.infer<typeof honourTitleSchema>;
export const honourTitleLabels: Record<HonourTitle, string> = {
  nationalModelWorker: "全国劳动模范/全国先进工作者",
  nationalMayDayMedal: "全国五一劳动奖章",
  greatCraftsman: "大国工匠",
  provincialModelWorker: "浙江省劳动模范",
  provincialMayDayMedal: "浙江省五一劳动奖章",
  zhejiangOutstandingCraftsman: "浙江杰出工匠",
  zhejiangCraftsman: "浙江工匠",
  zhejiangGoldenBlueCollar: "浙江金蓝领",
  nationalTechnicalExpert: "全国技术能手",
  provincialTechnicalExpert: "浙江省技术能手",
  other: "其他荣誉",
};
export const honourLevels = ["national", "provincial", "city"] as const;
export const honourLevelSchema = z.enum(honourLevels, { error: "请选择荣誉级别" });
export const honourLevelLabels: Record<(typeof honourLevels)[number], string> = { national: "国家级", provincial: "省级", city: "市级" };

/**
 * The trades the programme matches on, by 职业分类大典 code. A curated list, as no package ships the
 * classification: 6-18-01-01 车工 is checked against the 2022 edition; the others are to be checked
 * against it before they are relied on outside this product.
 */
export const trades = {
  "6-18-01-01": "车工",
  "6-18-01-02": "铣工",
  "6-18-01-04": "磨工",
  "6-18-02-04": "焊工",
  "6-20-01-01": "装配钳工",
  "6-20-01-02": "工具钳工",
  "6-31-01-03": "电工",
  "6-31-01-09": "机修钳工",
  "6-31-03-01": "仪器仪表维修工",
  "6-11-01-02": "化工总控工",
  "6-04-01-01": "纺织工艺",
  "6-01-01-01": "食品加工",
  "6-29-01-01": "汽车维修工",
  "6-23-03-15": "数控机床装调维修工",
  "4-12-01-01": "家政服务员",
  "4-13-01-01": "信息通信网络运行管理员",
} as const;
export type TradeCode = keyof typeof trades;
export const tradeCodes = Object.keys(trades) as [TradeCode, ...TradeCode[]];
export const tradeCodeSchema = z.enum(tradeCodes, { error: "请选择工种" });
