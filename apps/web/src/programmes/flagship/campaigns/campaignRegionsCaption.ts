import type { CampaignRegions } from "@jiangxin/domain";

/** Whole percent rounded down, like the campaign's own bars, so 0.999 never reads as 100%. */
export const percentOf = (ratio: number) => Math.floor(ratio * 100 + 1e-9);

/** The sentence under the title: how a county's share and its 领先/落后 are worked out. */
export function campaignRegionsCaption(data: Pick<CampaignRegions, "counties" | "pace">, hasTargets: boolean): string {
  if (!hasTargets) return "该行动未设定目标，按服务场次从少到多列出各县。";
  const share = `目标按覆盖县数平均分配：每县份额 = 目标 ÷ ${data.counties} 个县；完成率取各项目标中最低的一项(完成数 ÷ 份额)。`;
  if (data.pace === 0) return `${share}行动年度尚未开始，暂不评定领先落后。`;
  if (data.pace >= 1) return `${share}年度已结束：完成率达到 100% 记为领先，未达到记为落后。`;
  return `${share}按时间进度 ${percentOf(data.pace)}%：完成率不低于时间进度记为领先，低于记为落后。`;
}
