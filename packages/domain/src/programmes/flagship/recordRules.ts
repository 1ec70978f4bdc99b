import { z } from "zod";
import { addDays } from "../../chinaTime";

/**
 * When 劳模工匠助企行 began recording: nothing it did can be dated earlier. The federation's figures
 * ("cumulative 3,000+ activities" against 2,352 sessions last year) put the programme's start at the
 * beginning of 2023; the flagship's descriptor carries the date, and every done-event is checked against it.
 */
export const flagshipStartedOn = "2023-01-01";

/** How far ahead a service session may be arranged: a visit is planned, then held on its date. */
export const sessionPlanningDays = 90;

const isoDate = z.iso.date({ error: "日期格式应为 YYYY-MM-DD" });

/**
 * A date on which something was done (a session held, a training given, an agreement signed): never
 * before the programme existed. "Not in the future" depends on today, which the server knows (its clock
 * is injectable) and a schema does not: the server and the forms apply `doneDateIssue` with their today.
 */
export const doneDateSchema = (what: string) => isoDate.refine((d) => d >= flagshipStartedOn, `${what}不能早于本活动开展日期(${flagshipStartedOn})`);

/** Why a done-event's date is refused, or undefined: the one rule the forms, the API and imports apply. */
export function doneDateIssue(date: string, today: string, what: string): string | undefined {
  if (date < flagshipStartedOn) return `${what}不能早于本活动开展日期(${flagshipStartedOn})`;
  if (date > today) return `${what}不能晚于今天(${today})`;
  return undefined;
}

/** A session's date: held already, or arranged at most `sessionPlanningDays` ahead (a 2099 visit is a typo). */
export function sessionDateIssue(date: string, today: string): string | undefined {
  if (date < flagshipStartedOn) return `服务日期不能早于本活动开展日期(${flagshipStartedOn})`;
  const latest = addDays(today, sessionPlanningDays);
  if (date > latest) return `服务日期最多安排到${sessionPlanningDays}天后(${latest})`;
  return undefined;
}

/** A term (an agreement's 期限) ends after it starts: a one-day term starts and ends on different days. */
export function termIssue(startDate: string, endDate: string): string | undefined {
  return endDate <= startDate ? "结束日期应晚于开始日期" : undefined;
}

/** A whole number in range, refused (never clamped) with the limit named. */
export const countSchema = (what: string, unit: string, min: number, max: number) =>
  z
    .number({ error: `请填写${what}` })
    .int(`${what}应为整数`)
    .min(min, `${what}至少${min.toLocaleString("en-US")}${unit}`)
    .max(max, `${what}最多${max.toLocaleString("en-US")}${unit}`);
