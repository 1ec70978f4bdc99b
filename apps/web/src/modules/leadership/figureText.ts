import { figureStatusLabels, type FigureStatus } from "@jiangxin/domain";

/** A figure as a reader says it: 亿/万 for large amounts of money, thousands separated otherwise. */
export function formatFigure(value: number, unit: string): string {
  if (unit === "元" && Math.abs(value) >= 1e8) return `${(value / 1e8).toLocaleString("zh-CN", { maximumFractionDigits: 2 })}亿元`;
  if (unit === "元" && Math.abs(value) >= 1e4) return `${(value / 1e4).toLocaleString("zh-CN", { maximumFractionDigits: 1 })}万元`;
  return `${value.toLocaleString("zh-CN", { maximumFractionDigits: 2 })}${unit}`;
}

/** A share (0.905) as a percentage with one decimal where it matters ("90.5%"). */
export function formatShare(share: number): string {
  return `${(share * 100).toLocaleString("zh-CN", { maximumFractionDigits: 1 })}%`;
}

export const statusColors: Record<FigureStatus, string> = { ahead: "green", onTrack: "blue", lagging: "red", noTarget: "default", noData: "default" };
export const statusLabel = (s: FigureStatus) => figureStatusLabels[s];

/** The list page behind a figure, narrowed to a region (every list reads `regionCode` from its address). */
export function recordsLink(path: string, regionCode: string): string {
  return regionCode === "330000" ? path : `${path}${path.includes("?") ? "&" : "?"}regionCode=${regionCode}`;
}
