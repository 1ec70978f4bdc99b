import { eq, sql } from "drizzle-orm";
import { users } from "../../../platform/auth/tables";
import type { AppContext } from "../../../platform/context";
import type { DemoAccountIds, ProgrammeDemo } from "../../../platform/programme";
import { queryRows } from "../../../platform/db/queryRows";
import { makeUser } from "../../../fixtures/factories";
import { seededRandom } from "../../../fixtures/random";
import { competitionEvents, competitions } from "../tables";
import { generateCalendar } from "./generateCalendar";
import { loadLifeCare } from "./lifeCareDemo";

/**
 * The demo's competitions: this year's calendar at the article's scale (no accounts needed). Last year
 * has only the 2025 life-care competition (withAccounts): a second full calendar doubled the load time.
 */
async function load(ctx: AppContext, { scale, today }: { scale: number; today: string }): Promise<string[]> {
  const year = Number(today.slice(0, 4));
  const started = Date.now();
  const count = await ctx.database.db.transaction((tx) => generateCalendar(tx, [year], scale));
  return [`职业技能竞赛 Competitions: ${count} on the ${year} calendar (${Date.now() - started} ms).`];
}

/**
 * With the people and accounts in place: the 2025 life-care competition (83 contestants, 22 prizes,
 * final), its panel (the demo `expert` login as a judge, plus caipan2, caipan3, caipanzhang — chief
 * judge — and jiandu — supervisor), and one of 淳安's competitions open for registration, where the
 * demo worker can sign up on a phone.
 */
async function withAccounts(ctx: AppContext, accounts: DemoAccountIds): Promise<void> {
  const { db } = ctx.database;
  const [expert] = await db.select({ id: users.id }).from(users).where(eq(users.username, "expert"));
  const [province] = await db.select({ id: users.id }).from(users).where(eq(users.username, "province"));
  if (!expert || !province) return;
  const made = [];
  for (const [username, displayName] of [["caipan2", "周秀英(裁判)"], ["caipan3", "吴美华(裁判)"], ["caipanzhang", "沈国平(裁判长)"], ["jiandu", "陆建红(监督仲裁)"]] as const) {
    made.push((await makeUser(db, "expert", { username, displayName, regionCode: null })).id);
  }
  const [j2, j3, chief, supervisor] = made as [string, string, string, string];
  await db.transaction(async (tx) => {
    await loadLifeCare(ctx, tx, seededRandom(2025), { judges: [expert.id, j2, j3], chief, supervisor, province: province.id });
    const today = new Date(ctx.now().getTime() + 8 * 3600_000);
    const start = new Date(today.getTime() + 18 * 86_400_000).toISOString().slice(0, 10);
    const [chunanFed] = await queryRows<{ id: string }>(tx, sql`select id from unions where kind = 'county' and region_code = '330127'`);
    const [c] = await tx
      .insert(competitions)
      .values({ name: `${start.slice(0, 4)}年淳安县职工职业技能竞赛`, tier: "model", level: "county", organiserUnionId: chunanFed!.id, year: Number(start.slice(0, 4)), startsOn: start, endsOn: start, venue: "淳安县职业技术学校", countyCode: "330127" })
      .returning({ id: competitions.id });
    await tx.insert(competitionEvents).values({
      competitionId: c!.id,
      name: "数控车工",
      tradeCode: "6-18-01-01",
      tradeName: "车工",
      scheme: {
        aspects: [
          { key: "M1", name: "零件加工精度", kind: "measurement", maxMark: 70, weight: 70 },
          { key: "J1", name: "安全文明生产", kind: "judgement", maxMark: 30, weight: 30 },
        ],
        dropExtremes: true,
        divergenceGap: 5,
        tieBreakers: [{ by: "kindSubtotal", kind: "measurement" }],
      },
      prizeCounts: { first: 1, second: 2, third: 3, merit: 5 },
      eligibility: { occupations: [], minAge: 18, maxAge: 60, skillLevels: [] },
    });
  });
  void accounts;
}

export const competitionsDemo: ProgrammeDemo = { load, withAccounts };
