import { honourTitles, skillLevels, tradeCodes, type Honour, type SkillLevel, type TradeCode } from "@jiangxin/domain";
import { randomUUID } from "node:crypto";
import type { AppContext } from "../../../platform/context";
import { apportion } from "../../../fixtures/demoDays";
import { contactTitles, firmSuffixes, firmTrades, firmWords, givenNames, surnames } from "./demoVocabulary";
import { enterpriseValues } from "../../../fixtures/factories";
import { expertValues } from "../../../fixtures/makeExpert";
import type { Random } from "../../../fixtures/random";

export type EnterpriseRow = ReturnType<typeof enterpriseValues> & { id: string };
export type ExpertRow = ReturnType<typeof expertValues> & { id: string };

/** The province's enterprises and experts: one population that every generated year draws on. */
export type Population = {
  enterpriseRows: EnterpriseRow[];
  expertRows: ExpertRow[];
  firmsByCounty: Map<string, string[]>;
  firmName: Map<string, string>;
  expertTrades: Map<string, TradeCode[]>;
};

export const shortCountyName = (ctx: AppContext, code: string) => (ctx.regions.get(code)?.name ?? "").replace(/(自治县|县|市|区)$/, "");

/** One generated firm of `county`, added to the population (a firm that registered or was found later too). */
export function addEnterprise(ctx: AppContext, population: Population, county: string, rnd: Random): string {
  const id = randomUUID();
  const name = `${shortCountyName(ctx, county)}${rnd.pick(firmWords)}${rnd.pick(firmWords)}${rnd.pick(firmTrades)}${rnd.pick(firmSuffixes)}`;
  population.enterpriseRows.push({
    id,
    ...enterpriseValues(ctx.cipher, {
      countyCode: county,
      name,
      size: rnd.pick(["large", "medium", "small", "small", "micro", "micro"] as const),
      nonPublic: rnd.next() < 0.85,
      industry: rnd.next() < 0.7 ? "C" : undefined,
      contactName: rnd.pick(surnames) + rnd.pick(contactTitles),
    }, rnd),
  });
  population.firmName.set(id, name);
  const pool = population.firmsByCounty.get(county) ?? [];
  pool.push(id);
  population.firmsByCounty.set(county, pool);
  return id;
}

/**
 * The enterprises (every firm a year's plan visits, plus 15 % not yet served) and the expert pool of
 * `1500 × scale`, mostly from the developed counties, which is why travel matters.
 */
export function makePopulation(
  ctx: AppContext,
  opts: { year: number; scale: number; counties: readonly string[]; isPriority: (code: string) => boolean; firmsNeeded: ReadonlyMap<string, number> },
  rnd: Random,
): Population {
  const population: Population = { enterpriseRows: [], expertRows: [], firmsByCounty: new Map(), firmName: new Map(), expertTrades: new Map() };
  for (const county of opts.counties) {
    const needed = opts.firmsNeeded.get(county) ?? 0;
    population.firmsByCounty.set(county, []);
    for (let k = 0; k < needed + Math.ceil(needed * 0.15) + 2; k++) addEnterprise(ctx, population, county, rnd);
  }

  const expertCount = Math.max(8, Math.round(1500 * opts.scale));
  const expertHome = apportion(expertCount, opts.counties.map((c) => (opts.isPriority(c) ? 0.5 : 1.5)));
  opts.counties.forEach((county, ci) => {
    for (let k = 0; k < (expertHome[ci] ?? 0); k++) {
      const tradeCount = rnd.int(1, 3);
      const own = new Set<TradeCode>();
      while (own.size < tradeCount) own.add(rnd.pick(tradeCodes));
      const level: SkillLevel = rnd.pick(skillLevels.slice(3));
      // Distinct titles: nobody holds the same honour twice.
      const titles = new Set(Array.from({ length: rnd.int(1, 2) }, () => rnd.pick(honourTitles.slice(0, 10))));
      const honours: Honour[] = [...titles].map((title) => {
        const level = title.startsWith("national") || title === "greatCraftsman" ? "national" : "provincial";
        return { title, level, year: rnd.int(2010, opts.year - 1), awardedBy: level === "national" ? "中华全国总工会" : "浙江省总工会" };
      });
      const id = randomUUID();
      population.expertRows.push({
        id,
        ...expertValues(ctx.cipher, {
          name: rnd.pick(surnames) + rnd.pick(givenNames),
          homeCountyCode: county,
          skillLevel: level,
          trades: [...own],
          honours,
          employer: `${shortCountyName(ctx, county)}${rnd.pick(firmWords)}${rnd.pick(firmWords)}${rnd.pick(firmTrades)}${rnd.pick(firmSuffixes)}`,
          maxOpenProblems: rnd.int(2, 6),
          availability: rnd.next() < 0.85 ? "available" : "busy",
        }, rnd),
      });
      population.expertTrades.set(id, [...own]);
    }
  });
  return population;
}
