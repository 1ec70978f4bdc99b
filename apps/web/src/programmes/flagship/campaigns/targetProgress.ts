import type { Campaign } from "@jiangxin/domain";

export type TargetKey = keyof Campaign["progress"];

/** The targets a campaign can set, in the order the report lists them, with their units. */
export const campaignTargetFields: readonly { key: TargetKey; label: string; unit: string }[] = [
  { key: "sessions", label: "服务场次", unit: "场次" },
  { key: "trainees", label: "培训技术工人", unit: "人次" },
  { key: "enterprises", label: "服务企业", unit: "家" },
  { key: "problemsSolved", label: "解决问题", unit: "个" },
];

export interface TargetProgress {
  key: TargetKey;
  label: string;
  unit: string;
  done: number;
  target: number;
  /** Whole percent reached, rounded down so 29 of 30 never reads as 100%; may exceed 100. */
  percent: number;
  /** For the bar, which cannot go past full. */
  barPercent: number;
  met: boolean;
}

/** Progress of each target the campaign set; targets it did not set are left out. */
export function targetProgress(campaign: Pick<Campaign, "targets" | "progress">): TargetProgress[] {
  return campaignTargetFields.flatMap(({ key, label, unit }) => {
    const target = campaign.targets[key];
    if (target === undefined) return [];
    const done = campaign.progress[key];
    // A target of 0 is met by definition; integer arithmetic keeps 29/30 at 96, not 97.
    const percent = target === 0 ? 100 : Math.floor((done * 100) / target);
    return [{ key, label, unit, done, target, percent, barPercent: Math.min(100, percent), met: done >= target }];
  });
}
