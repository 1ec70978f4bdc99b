import { indicatorLabels, type Indicators } from "@jiangxin/domain";

export type CountKey = "sessions" | "expertParticipations" | "enterprisesServed" | "problemsSolved" | "workerTrainings";

export interface CountCard {
  key: CountKey;
  title: string;
  unit: string;
  /** How the figure is counted, after docs/indicators.md, for the card's "口径" popover. */
  definition: string;
}

/** "参加劳模工匠(人次)" → "参加劳模工匠": the unit is shown beside the number instead. */
const titleOf = (key: keyof typeof indicatorLabels) => indicatorLabels[key].replace(/\(.*\)$/, "");

/** The five counted figures, in the order of the federation's report. */
export const countCards: readonly CountCard[] = [
  {
    key: "sessions",
    title: titleOf("sessions"),
    unit: "场次",
    definition: "服务日期在该年度内的服务场次数。",
  },
  {
    key: "expertParticipations",
    title: titleOf("expertParticipations"),
    unit: "人次",
    definition: "上述服务场次的专家团队人数之和：同一位劳模工匠每参加一场计1人次，参加5场即计5人次。",
  },
  {
    key: "enterprisesServed",
    title: titleOf("enterprisesServed"),
    unit: "家",
    definition: "上述服务场次走访的企业，按企业去重：同一企业被走访两次只计1家。",
  },
  {
    key: "problemsSolved",
    title: titleOf("problemsSolved"),
    unit: "个",
    definition: "状态为“已解决”且解决时间在该年度内的难题，不论何时何地发现：现场未解决、回访跟进数周后解决的，计入解决当年。",
  },
  {
    key: "workerTrainings",
    title: titleOf("workerTrainings"),
    unit: "人次",
    definition: "培训日期在该年度内的各场培训所登记的培训人次之和。",
  },
];

export const benefitCard = {
  title: "经济效益",
  definition:
    "预估：该年度首次登记的成效记录的预估经济效益之和。已核实：其中经县总工会会同企业确认核实后的核实金额之和。金额按元精确到分记录，不经四舍五入累加。",
};

export const scopeNotes = {
  year: "年度按北京时间自然年计算。",
  region: "区域为所选区划下的各县(市、区)，并以您的管辖范围为限；记录按所在县归属（服务场次按服务地，难题按企业所在县）。",
  campaign: "选择专项行动时，只统计标记为该行动的服务场次及其培训、难题和成效。",
};

/** A year with no records at all, as the server counted it (not guessed from zeros). */
export function isEmptyYear(figures: Indicators): boolean {
  return !figures.hasRecords;
}
