import { figureStatusLabels, type FigureStatus } from "@jiangxin/domain";
import { formatWan, formatYi } from "../../app/yuan";

/**
 * A figure as a reader says it, thousands separated. Money follows the statistics' one convention
 * (app/yuan.ts): 亿元 on a card and in its sentences, 万元 with two decimals in a table's cells.
 */
export function formatFigure(value: number, unit: string, place: "card" | "table" = "card"): string {
  if (unit === "元") return place === "card" ? `${formatYi(value.toFixed(2))}亿元` : `${formatWan(value.toFixed(2))}万元`;
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
