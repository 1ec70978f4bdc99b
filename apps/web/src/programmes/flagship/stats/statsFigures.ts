import type { StatFigures } from "@jiangxin/domain";
import { formatWan } from "../../../app/yuan";
import { countCards, type CountKey } from "../indicators/indicatorCards";

/** The figures a map or chart can be coloured by: the five counts and the estimated benefit. */
export type FigureKey = CountKey | "benefitEstimatedYuan";

export interface FigureChoice {
  key: FigureKey;
  /** Short enough for a Segmented on a phone. */
  short: string;
  title: string;
  unit: string;
}

const shortNames: Record<CountKey, string> = {
  sessions: "场次",
  expertParticipations: "人次",
  enterprisesServed: "企业",
  problemsSolved: "难题",
  workerTrainings: "培训",
};

export const figureChoices: readonly FigureChoice[] = [
  ...countCards.map((card) => ({ key: card.key, short: shortNames[card.key], title: card.title, unit: card.unit })),
  { key: "benefitEstimatedYuan", short: "效益", title: "经济效益(预估)", unit: "万元" },
];

export function figureChoice(key: FigureKey): FigureChoice {
  return figureChoices.find((c) => c.key === key) ?? (figureChoices[0] as FigureChoice);
}

export function isFigureKey(value: string | null): value is FigureKey {
  return figureChoices.some((c) => c.key === value);
}

/**
 * The figure as a number for colouring and bar heights. Money becomes a float only here, where
 * a shade or a bar cannot show a fen anyway; every printed amount goes through figureText.
 */
export function figureValue(figures: StatFigures, key: FigureKey): number {
  return key === "benefitEstimatedYuan" ? Number(figures.benefitEstimatedYuan) : figures[key];
}

/** The figure as the page writes it: 1,234 场次, 1,310.00 万元 (money in 万元 like every table). */
export function figureText(figures: StatFigures, key: FigureKey): string {
  if (key === "benefitEstimatedYuan") return `${formatWan(figures.benefitEstimatedYuan)} 万元`;
  return `${figures[key].toLocaleString("zh-CN")} ${figureChoice(key).unit}`;
}

/** A plain number of the figure (a colour scale's end, an axis) written like the cards write it. */
export function formatFigure(key: FigureKey, value: number): string {
  return key === "benefitEstimatedYuan" ? `${formatWan(value.toFixed(2))} 万元` : `${value.toLocaleString("zh-CN")} ${figureChoice(key).unit}`;
}
