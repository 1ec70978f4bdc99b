import type { PersonCategory } from "../../person";
import { skillLevels, type SkillLevel } from "../../people";

/** What a certificate proves: a degree (学历) or a vocational skill grade (技能等级). */
export const certificateKinds = ["degree", "skillGrade"] as const;
export type CertificateKind = (typeof certificateKinds)[number];
export const certificateKindLabels: Record<CertificateKind, string> = { degree: "学历提升", skillGrade: "技能等级提升" };

/** Degrees the scheme funds (adult higher education, self-study exams, open university). */
export const degreeLevels = ["juniorCollege", "bachelor"] as const;
export type DegreeLevel = (typeof degreeLevels)[number];
export const degreeLevelLabels: Record<DegreeLevel, string> = { juniorCollege: "大专(专科)", bachelor: "本科" };

/** A certificate's level: a degree level or a skill level, depending on the kind. */
export type CertificateLevel = DegreeLevel | SkillLevel;
export function certificateLevelLabel(kind: CertificateKind, level: string, skillLabels: Record<SkillLevel, string>): string {
  if (kind === "degree") return degreeLevelLabels[level as DegreeLevel] ?? level;
  return skillLabels[level as SkillLevel] ?? level;
}

/** A priority group: members of these categories are ranked first when a city's quota overflows. */
export type PriorityGroup = { category: PersonCategory; label: string };

/**
 * One year's 学历与技能提升 round (双提升), as data: the amount, who may apply, the priority groups,
 * each city's quota, what counts as double funding, and the overflow rule the applicants read before
 * they apply. A new year is a new entry in `upskillingSchemes`, not a code change.
 */
export type UpskillingScheme = {
  year: number;
  title: string;
  /** Yuan, paid once per person per round. */
  amountYuan: number;
  /** The province's target: workers funded this year. */
  target: number;
  /** China dates, inclusive: when applications are accepted. */
  opensOn: string;
  closesOn: string;
  /** Certificates obtained on or after this day qualify (the round funds recent upgrades). */
  certificatesFrom: string;
  /** The levels funded per kind. */
  degreeLevels: readonly DegreeLevel[];
  skillLevels: readonly SkillLevel[];
  /** Who may apply, as the applicant reads it. */
  whoMayApply: readonly string[];
  priorityGroups: readonly PriorityGroup[];
  /** City code → places. */
  cityQuotas: Readonly<Record<string, number>>;
  /** Other federation subsidies the same person may not hold in the same year (全总, 省总). */
  exclusiveSubsidies: readonly string[];
  /** The overflow rule, published with the round. */
  overflowRule: string;
  doubleFundingRule: string;
};

const fundedSkillLevels = skillLevels.filter((l) => l !== "apprentice");

/** Quotas per city: Zhoushan's 600 is the published figure; the rest share the province's 30,000 by workforce. */
const cityQuotas2026: Record<string, number> = {
  "330100": 5800, // 杭州
  "330200": 4800, // 宁波
  "330300": 3600, // 温州
  "330400": 2600, // 嘉兴
  "330500": 1800, // 湖州
  "330600": 2600, // 绍兴
  "330700": 3000, // 金华
  "330800": 1200, // 衢州
  "330900": 600, // 舟山
  "331000": 2800, // 台州
  "331100": 1200, // 丽水
};

function scheme(year: number, cityQuotas: Record<string, number>): UpskillingScheme {
  return {
    year,
    title: `${year}年度职工学历与技能提升行动(双提升)补助`,
    amountYuan: 1000,
    target: Object.values(cityQuotas).reduce((a, b) => a + b, 0),
    opensOn: `${year}-01-01`,
    closesOn: `${year}-12-31`,
    certificatesFrom: `${year - 1}-07-01`,
    degreeLevels,
    skillLevels: fundedSkillLevels,
    whoMayApply: [
      "在会的工会会员",
      "与用人单位签订劳动合同的一线职工，或新就业形态劳动者(快递员、外卖骑手、网约车司机等)",
      `${year - 1}年7月1日以后取得学历证书或职业技能等级证书`,
    ],
    priorityGroups: [
      { category: "modelCraftsman", label: "劳模工匠" },
      { category: "newEmployment", label: "新就业形态劳动者" },
    ],
    cityQuotas,
    exclusiveSubsidies: ["全国总工会学历与技能提升补助", "省总工会其他职工教育补助"],
    overflowRule: "各市名额用完时，按优先群体(劳模工匠、新就业形态劳动者)在先、再按提交申请时间先后的顺序确定补助对象，超出名额的申请不予通过。",
    doubleFundingRule: "同一学历或同一技能等级只补助一次；同一年度已享受全国总工会或省总工会其他同类补助的，不再重复补助；每人每年度限补助一次。",
  };
}

/** Every round on record, by year. */
export const upskillingSchemes: Readonly<Record<number, UpskillingScheme>> = {
  2025: scheme(2025, cityQuotas2026),
  2026: scheme(2026, cityQuotas2026),
};

/**
 * The round of a year: the one on record, or — for a year after the last on record, until its own is
 * published — the latest round's rules and quotas carried into that year (dates moved with it).
 */
export function schemeOfYear(year: number): UpskillingScheme | undefined {
  const own = upskillingSchemes[year];
  if (own) return own;
  const latest = Math.max(...Object.keys(upskillingSchemes).map(Number));
  const last = upskillingSchemes[latest];
  return last && year > latest ? scheme(year, { ...last.cityQuotas }) : undefined;
}
