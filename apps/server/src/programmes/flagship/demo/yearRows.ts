import type { Db } from "../../../platform/db/database";
import { agreementCheckIns, agreementExperts, agreementMilestones, agreements } from "../agreements/tables";
import { campaigns } from "../campaigns/tables";
import { enterprises } from "../../../masterData/enterprises";
import { experts } from "../../../masterData/experts";
import { outcomes } from "../outcomes/tables";
import { demandLists, problemEvents, problemTeamMembers, problems } from "../problems/tables";
import { serviceSessions, sessionEnterprises, sessionExperts } from "../serviceSessions/tables";
import { trainings, trainingTrainers } from "../trainings/tables";
import { insertChunked } from "../../../fixtures/insertChunked";

type Rows<T extends { $inferInsert: unknown }> = T["$inferInsert"][];

/** A generated year's records, table by table, before they are inserted. */
export type YearRows = {
  campaigns: Rows<typeof campaigns>;
  sessions: Rows<typeof serviceSessions>;
  sessionFirms: Rows<typeof sessionEnterprises>;
  sessionExperts: Rows<typeof sessionExperts>;
  demandLists: Rows<typeof demandLists>;
  problems: Rows<typeof problems>;
  teamMembers: Rows<typeof problemTeamMembers>;
  events: Rows<typeof problemEvents>;
  trainings: Rows<typeof trainings>;
  trainers: Rows<typeof trainingTrainers>;
  outcomes: Rows<typeof outcomes>;
  agreements: Rows<typeof agreements>;
  agreementExperts: Rows<typeof agreementExperts>;
  milestones: Rows<typeof agreementMilestones>;
  checkIns: Rows<typeof agreementCheckIns>;
};

/** Inserts a population and its years' records, parents before children. */
export async function insertYearRows(
  tx: Db,
  population: { enterpriseRows: Rows<typeof enterprises>; expertRows: Rows<typeof experts> },
  years: readonly YearRows[],
): Promise<void> {
  // One table's rows of every year; TypeScript cannot follow the key through flatMap, hence the cast.
  const all = <K extends keyof YearRows>(k: K) => ([] as unknown[]).concat(...years.map((y) => y[k])) as YearRows[K];
  await insertChunked(tx, campaigns, all("campaigns"));
  await insertChunked(tx, enterprises, population.enterpriseRows);
  await insertChunked(tx, experts, population.expertRows);
  await insertChunked(tx, serviceSessions, all("sessions"));
  await insertChunked(tx, sessionEnterprises, all("sessionFirms"));
  await insertChunked(tx, sessionExperts, all("sessionExperts"));
  await insertChunked(tx, demandLists, all("demandLists"));
  await insertChunked(tx, problems, all("problems"));
  await insertChunked(tx, problemTeamMembers, all("teamMembers"));
  await insertChunked(tx, problemEvents, all("events"), 1000);
  await insertChunked(tx, trainings, all("trainings"));
  await insertChunked(tx, trainingTrainers, all("trainers"));
  await insertChunked(tx, outcomes, all("outcomes"));
  await insertChunked(tx, agreements, all("agreements"));
  await insertChunked(tx, agreementExperts, all("agreementExperts"));
  await insertChunked(tx, agreementMilestones, all("milestones"));
  await insertChunked(tx, agreementCheckIns, all("checkIns"));
}
