import { apportion, shuffle } from "../../../fixtures/demoDays";
import type { Random } from "../../../fixtures/random";

/** The volumes a generated year must reach exactly. */
export type YearTargets = {
  sessions: number;
  expertParticipations: number;
  enterprisesServed: number;
  problemsSolved: number;
  workerTrainings: number;
  benefitYuan: number;
};

/** Where each session of a year is held and how big it is; index s is session s. */
export type SessionPlan = {
  sessionCounty: string[];
  teamSizes: number[];
  firmsPerSession: number[];
  solvedPerSession: number[];
  traineesPerSession: number[];
};

/**
 * Spreads a year's targets over its sessions: priority counties get 2.5× the sessions, as the
 * programme intends; team sizes, firms, solved problems and trainees are shuffled over sessions so
 * they add up exactly. The four shuffles are the first draws of the year's stream.
 */
export function planSessions(counties: readonly string[], isPriority: (code: string) => boolean, target: YearTargets, rnd: Random): SessionPlan {
  const perCounty = apportion(target.sessions, counties.map((c) => (isPriority(c) ? 2.5 : 1)));
  const even = (total: number) => shuffle(apportion(total, new Array<number>(target.sessions).fill(1)), rnd);
  const teamSizes = even(target.expertParticipations);
  const firmsPerSession = even(target.enterprisesServed);
  const solvedPerSession = even(target.problemsSolved);
  const traineesPerSession = even(target.workerTrainings);
  const sessionCounty = counties.flatMap((county, ci) => new Array<string>(perCounty[ci] ?? 0).fill(county));
  return { sessionCounty, teamSizes, firmsPerSession, solvedPerSession, traineesPerSession };
}

/** How many firms each county's sessions visit under a plan. */
export function firmsNeeded(counties: readonly string[], plan: SessionPlan): Map<string, number> {
  const need = new Map<string, number>(counties.map((c) => [c, 0]));
  plan.sessionCounty.forEach((county, s) => need.set(county, (need.get(county) ?? 0) + (plan.firmsPerSession[s] ?? 0)));
  return need;
}
