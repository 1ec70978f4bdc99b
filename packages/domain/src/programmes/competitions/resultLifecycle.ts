import { z } from "zod";

/**
 * An event's results: draft → verified → signed → published → final. The table below is the only
 * place that says which moves exist; who may make them is a panel duty (chief judge, supervisor),
 * not a role, because judges are ordinary accounts assigned to the event's panel.
 */
export const resultStatuses = ["draft", "verified", "signed", "published", "final"] as const;
export const resultStatusSchema = z.enum(resultStatuses);
export type ResultStatus = z.infer<typeof resultStatusSchema>;

export const resultStatusLabels: Record<ResultStatus, string> = {
  draft: "草稿(评分中)",
  verified: "已核分",
  signed: "已签字",
  published: "已公示(申诉期)",
  final: "最终成绩",
};

/** Who acts on a move: a panel duty, the organiser's staff, or the system (the appeal window's end). */
export type ResultActor = "chief" | "supervisor" | "organiser";

export type ResultTransition = { from: ResultStatus; to: ResultStatus; label: string; by: readonly ResultActor[] };

export const resultTransitions: readonly ResultTransition[] = [
  // Every entry verified by a second person and no open divergence: the chief judge closes marking.
  { from: "draft", to: "verified", label: "核分完成", by: ["chief"] },
  // Reached when the chief judge and the supervisor have both signed (two signatures, one move).
  { from: "verified", to: "signed", label: "签字确认", by: ["chief", "supervisor"] },
  { from: "signed", to: "published", label: "公示成绩", by: ["organiser", "chief"] },
  // After the appeal window with every appeal decided.
  { from: "published", to: "final", label: "成绩确定", by: ["organiser", "chief"] },
];

export function findResultTransition(from: ResultStatus, to: ResultStatus): ResultTransition | undefined {
  return resultTransitions.find((t) => t.from === from && t.to === to);
}

/** Marks may change only before verification, or through an upheld appeal while published. */
export const marksEditable = (s: ResultStatus) => s === "draft";
/** Results (names, marks, places) are shown to anyone only once final; to the panel and organiser from verified on. */
export const resultsPublic = (s: ResultStatus) => s === "final";

/** The appeal window, 2 hours by default (the competition rules' 书面申诉 within 2 hours). */
export const defaultAppealWindowMinutes = 120;

export function appealWindowOpen(publishedAt: Date, windowMinutes: number, now: Date): boolean {
  return now.getTime() < publishedAt.getTime() + windowMinutes * 60_000;
}

/** Publishing again after an upheld appeal's re-rank is not a move: the window is measured from the first publication. */
export const canFinalise = (input: { status: ResultStatus; windowOpen: boolean; openAppeals: number }) =>
  input.status === "published" && !input.windowOpen && input.openAppeals === 0;
