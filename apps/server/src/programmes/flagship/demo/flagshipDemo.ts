import { sql } from "drizzle-orm";
import { users } from "../../../platform/auth/tables";
import type { AppContext } from "../../../platform/context";
import type { DemoAccountIds, ProgrammeDemo } from "../../../platform/programme";
import { seededRandom } from "../../../fixtures/random";
import { raiseOpenDemandListTodos } from "../problems/inboxWiring";
import { demandLists } from "../problems/tables";
import { makeDemandList } from "./makeDemandList";
import { generateProvinceYear } from "./provinceYear";
import { insertYearRows } from "./yearRows";
import { generateYearToDate } from "./yearToDate";

/**
 * The flagship's demo: last year at the newspaper's scale (`scale` 1 = the article's figures, its own
 * seed so they hold whatever day the demo starts), this year up to today at about the same pace, over
 * one population of enterprises and experts (the firms the unions' and people's demos build on).
 */
async function load(ctx: AppContext, { scale, today }: { scale: number; today: string }): Promise<string[]> {
  const year = Number(today.slice(0, 4)) - 1;
  const last = generateProvinceYear(ctx, { year, scale, seed: 2025 });
  const current = generateYearToDate(ctx, last, { today, scale, seed: 2026 });
  await ctx.database.db.transaction((tx) => insertYearRows(tx, last.population, [last.rows, current.rows]));
  // This year found some firms last year's plan never needed: the population is both years'.
  const y = { ...last.summary, enterprises: last.population.enterpriseRows.length };
  const c = current.summary;
  return [
    `演示数据已载入 Demo data loaded: ${year}年 ${y.sessions} sessions, ${y.expertParticipations} expert participations, ${y.enterprisesServed} enterprises served, ${y.problemsSolved} problems solved, ${y.workerTrainings} worker-trainings, ${y.benefitYuan} yuan (${y.enterprises} enterprises, ${y.experts} experts).`,
    `今年至今 This year to ${c.today}: ${c.sessions} sessions, ${c.expertParticipations} expert participations, ${c.enterprisesServed} enterprises served, ${c.problemsSolved} problems solved, ${c.workerTrainings} worker-trainings, ${c.benefitYuan} yuan.`,
  ];
}

/**
 * The demo firm's own demand list, sent last week and accepted by 淳安 two days later: the enterprise
 * account sees its request under way, and 淳安's planning page has a queue of its own whatever the
 * generated backlog drew for the county. Then a 待受理 for each list with problems still waiting, so
 * 工作台 opens on real work.
 */
async function withAccounts(ctx: AppContext, accounts: DemoAccountIds): Promise<void> {
  const { db } = ctx.database;
  const sent = new Date(ctx.now().getTime() - 9 * 86_400_000);
  const accepted = new Date(sent.getTime() + 2 * 86_400_000);
  await makeDemandList(
    db,
    {
      enterpriseId: accounts.enterpriseId,
      countyCode: "330127",
      submittedBy: accounts.enterpriseUserId,
      submittedAt: sent,
      problems: [
        { status: "accepted", statusChangedAt: accepted, urgency: "high", teamSize: 2 },
        { status: "accepted", statusChangedAt: accepted, urgency: "normal" },
        { status: "submitted", urgency: "normal" },
      ],
    },
    seededRandom(3),
  );
  // Lists a union entered were entered by someone: the county's demo account where the county has one
  // (淳安, 武义); the rest show the enterprise's contact or the county federation (demandListService).
  await db.execute(
    sql`update ${demandLists} set submitted_by = ${users.id} from ${users} where ${demandLists.submittedBy} is null and ${demandLists.source} = 'union' and ${users.role} = 'county' and ${users.regionCode} = ${demandLists.countyCode}`,
  );
  await db.transaction((tx) => raiseOpenDemandListTodos(tx, ctx));
}

export const flagshipDemo: ProgrammeDemo = { load, withAccounts };
