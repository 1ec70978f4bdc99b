import type { IndicatorInfo } from "../programmeDescriptor";

/** 职业技能竞赛's figures for the 驾驶舱 and annual targets (docs/competitions.md defines each). */
export const competitionIndicators = [
  {
    key: "competitions.provincial",
    label: "省级竞赛",
    unit: "场",
    definition: "年内开赛的省级职业技能竞赛(重点赛、示范赛、常规赛)，按举办地所在县(市、区)计",
    recordsPath: "/competitions?level=province",
  },
  {
    key: "competitions.townshipPlus",
    label: "乡镇(街道)以上竞赛",
    unit: "场",
    definition: "年内开赛的乡镇(街道)级及以上各级职业技能竞赛，按举办地计",
    recordsPath: "/competitions",
  },
  { key: "competitions.keyTier", label: "重点赛", unit: "场", definition: "年内开赛的重点赛，各级合计", recordsPath: "/competitions?tier=key" },
  { key: "competitions.modelTier", label: "示范赛", unit: "场", definition: "年内开赛的示范赛，各级合计", recordsPath: "/competitions?tier=model" },
  {
    key: "competitions.contestants",
    label: "参赛选手",
    unit: "人次",
    definition: "年内开赛的竞赛中已确认报名的选手人次(一人参加两个赛项计两人次)，按选手工作所在县计",
  },
  {
    key: "competitions.prizeWinners",
    label: "获奖选手",
    unit: "人次",
    definition: "成绩已最终确定的赛项中获一、二、三等奖及优胜奖的选手人次，按选手工作所在县计",
  },
  {
    key: "competitions.goldBlueCollar",
    label: "浙江金蓝领",
    unit: "人",
    definition: "年内经省总工会审核认定的浙江金蓝领(各赛项前三名)，按选手工作所在县计",
    recordsPath: "/competitions/gold-blue-collar",
  },
] as const satisfies readonly IndicatorInfo[];
