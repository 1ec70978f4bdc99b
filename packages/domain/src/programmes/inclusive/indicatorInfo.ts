import type { IndicatorInfo } from "../programmeDescriptor";

/** 普惠服务's figures for the 驾驶舱 and annual targets, counted from members' records and the ledger. */
export const inclusiveIndicators = [
  { key: "inclusive.newMembers", label: "新入会会员", unit: "人", definition: "首次入会(工会确认)日期在该年度内的会员；转会不重复计", recordsPath: "/inclusive" },
  { key: "inclusive.participants", label: "享受普惠服务会员", unit: "人", definition: "该年度台账中至少有一条普惠服务记录的不同会员数", recordsPath: "/inclusive" },
  { key: "inclusive.benefitRows", label: "普惠服务人次", unit: "人次", definition: "该年度普惠服务台账记录数(每享受一次计一人次)", recordsPath: "/inclusive" },
  { key: "inclusive.mealsRedeemed", label: "爱心午餐(10元餐)", unit: "份", definition: "该年度在合作食堂、驿站扫码核销的餐券数", recordsPath: "/inclusive/vouchers" },
] as const satisfies readonly IndicatorInfo[];
