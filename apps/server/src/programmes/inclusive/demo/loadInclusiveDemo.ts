import { computeResidentIdCheckChar, gigPlatforms, maskResidentId, mealVoucherValueCents, todayInChina, type GigPlatform } from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { seededRandom } from "../../../fixtures/random";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";

/** The article's 1.812 million new-employment-form members; the demo adds this share of them (× the demo scale). */
export const gigMembersInArticle = 1_812_000;
export const demoGigMemberShare = 0.0005;

const surnames = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖"];
const given = [..."伟芳娜敏静强磊军洋勇杰涛明超辉力斌波宇浩凯鹏飞俊晨"];
const platformLabel: Record<GigPlatform, string> = { meituan: "美团", eleme: "饿了么", sf: "顺丰", jd: "京东", didi: "滴滴", cainiao: "菜鸟", huolala: "货拉拉", other: "其他平台" };
const pad = (n: number, w: number) => String(n).padStart(w, "0");

/**
 * 普惠服务's demo, after people and unions exist: platform workers who joined online (members of
 * their county's 覆盖建 union, joined over the last 18 months, so new members per month show), this
 * year's 9+X ledger rows in every county (see below), a canteen
 * run by the demo union (`jiceng`) and a station per city, this month's meal vouchers with most used
 * over the last weeks (each use a `meal` ledger row, as a scan makes), and five unused ones for the
 * demo worker. Bulk statements only: no row-by-row round trips.
 */
export async function loadInclusiveDemo(ctx: AppContext, opts: { workerUserId: string; scale?: number }): Promise<{ gigMembers: number }> {
  const { db } = ctx.database;
  const scale = opts.scale ?? ctx.config.demoScale;
  const rnd = seededRandom(15);
  const today = todayInChina(ctx.now());
  const year = Number(today.slice(0, 4));
  const coverage = await queryRows<{ id: string; county: string }>(db, sql`select id, region_code as county from unions where kind = 'grassroots' and formation = 'coverage' order by region_code, name`);
  const unionOf = new Map<string, string>();
  for (const u of coverage) if (!unionOf.has(u.county)) unionOf.set(u.county, u.id);
  const counties = [...unionOf.keys()];
  const n = counties.length ? Math.round(gigMembersInArticle * demoGigMemberShare * scale) : 0;

  const persons: Record<string, unknown>[] = [];
  const periods: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const county = rnd.pick(counties);
    const platform = rnd.pick(gigPlatforms.slice(0, 7));
    // Born 1975–2004; serial 500–999 keeps clear of most other demo IDs, and a clash is skipped below.
    const first17 = `${county}${rnd.int(1975, 2004)}${pad(rnd.int(1, 12), 2)}${pad(rnd.int(1, 28), 2)}${pad(rnd.int(500, 999), 3)}`;
    const id = first17 + computeResidentIdCheckChar(first17);
    const personId = randomUUID();
    const daysAgo = rnd.int(1, 540);
    const since = new Date(Date.parse(`${today}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    persons.push({
      id: personId,
      name: rnd.pick(surnames) + rnd.pick(given) + (rnd.next() < 0.6 ? rnd.pick(given) : ""),
      resident_id_hash: ctx.personHash(id),
      resident_id_enc: ctx.cipher.encrypt(id),
      resident_id_masked: maskResidentId(id),
      county_code: county,
      employer_name: `${platformLabel[platform]}合作商`,
      occupation: platform === "didi" ? "网约车司机" : platform === "sf" || platform === "jd" || platform === "cainiao" ? "快递员" : "外卖骑手",
      categories: "{newEmployment}",
      platforms: `{${platform}}`,
    });
    periods.push({ person_id: personId, union_id: unionOf.get(county), status: "active", since, requested_at: `${since}T01:00:00Z`, decided_at: `${since}T02:00:00Z`, note: "线上入会" });
  }

  // Labelled statements, so a slow one is easy to find when timing the demo.
  const run = async (tx: Db, _label: string, q: SQL) => {
    await tx.execute(q);
  };
  const validUntil = new Date(Date.parse(`${today}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await db.transaction(async (tx) => {
    const inserted = new Set<string>();
    for (let i = 0; i < persons.length; i += 5000) {
      const rows = await queryRows<{ id: string }>(
        tx,
        sql`insert into people (id, name, resident_id_hash, resident_id_enc, resident_id_masked, county_code, employer_name, occupation, categories, platforms)
        select id, name, resident_id_hash, resident_id_enc, resident_id_masked, county_code, employer_name, occupation, categories, platforms
        from json_populate_recordset(null::people, ${JSON.stringify(persons.slice(i, i + 5000))}::json) on conflict (resident_id_hash) do nothing returning id`,
      );
      for (const r of rows) inserted.add(r.id);
    }
    // An ID that clashed with another demo person's is skipped, with its membership.
    const joined = periods.filter((p) => inserted.has(p.person_id as string));
    for (let i = 0; i < joined.length; i += 5000) {
      await run(
        tx,
        "memberships",
        sql`insert into union_memberships (person_id, union_id, status, since, requested_at, decided_at, note)
        select r.person_id, r.union_id, r.status, r.since, r.requested_at, r.decided_at, r.note
        from json_populate_recordset(null::union_memberships, ${JSON.stringify(joined.slice(i, i + 5000))}::json) r`,
      );
    }

    // The 9+X ledger, this year to date, for every county: 湖州's members near the 95% participation
    // the city reports (90–97% per county), every other county's between 30% and 84% (a spread the
    // figures can rank against the target); a member taking part has one item and, in 湖州, one in
    // eight a second (each at most once, within every yearly limit). One INSERT … SELECT: the rows'
    // foreign-key checks are most of its time, so members elsewhere get one item, not two; no ON
    // CONFLICT (its speculative insert cost a third more) as the demo fills an empty ledger and the
    // keys (person, item) are distinct by construction.
    await run(
      tx,
      "ledger",
      sql`insert into benefit_ledger (person_id, item_code, year, occurred_on, county_code, union_id, programme, source_key)
      select x.person_id, it.code, ${year}::int, greatest(x.day, x.since), x.county_code, x.union_id, 'members', 'demo:' || x.person_id || ':' || it.code
      from (
        select m.person_id, m.union_id, m.since, p.county_code, abs(hashtext(m.person_id::text)) as h, p.county_code like '3305%' as huzhou,
               ${`${year}-01-01`}::date + (abs(hashtext(m.id::text)) % greatest(1, ${today}::date - ${`${year}-01-01`}::date)) as day
        from union_memberships m join people p on p.id = m.person_id
        where m.status = 'active'
          and abs(hashtext(m.person_id::text || 'y')) % 100 < case when p.county_code like '3305%' then 90 + abs(hashtext(p.county_code)) % 8 else 30 + abs(hashtext(p.county_code)) % 55 end
      ) x
      join (values (0, 'healthCheck'), (1, 'visit'), (2, 'mutualAid'), (3, 'skills'), (4, 'counselling'), (5, 'legalAid'), (6, 'hardship')) as it(n, code)
        on it.n = x.h % 7 or (x.huzhou and it.n = (x.h / 7) % 7 and x.h % 8 = 0)
      where greatest(x.day, x.since) <= ${today}::date`,
    );

    // Where meals are served: the demo union's canteen (its account scans) and one station per city.
    await run(
      tx,
      "points",
      sql`insert into inclusive_redemption_points (name, kind, county_code, union_id)
      select '千岛湖精工机械职工食堂', 'canteen', '330127', u.union_id from users u where u.username = 'jiceng' and u.union_id is not null
      union all
      (select distinct on (substr(c.region_code, 1, 4)) r.name || '骑手爱心驿站', 'station', c.region_code, c.id
       from unions c join regions r on r.code = c.region_code
       where c.kind = 'grassroots' and c.formation = 'coverage'
       order by substr(c.region_code, 1, 4), c.region_code, c.name)`,
    );

    // This month's vouchers: two for each platform worker who joined online, most used in the last
    // three weeks at their city's station (each use a `meal` ledger row, as a scan makes); five unused
    // ones for the demo worker.
    await run(
      tx,
      "vouchers",
      sql`insert into inclusive_meal_vouchers (code, person_id, union_id, county_code, issued_on, valid_until, value_cents, redeemed_at, redeemed_on, point_id)
      select upper(substr(md5(random()::text || m.person_id::text || g::text), 1, 12)), m.person_id, m.union_id, p.county_code,
             ${today}::date - 21, ${validUntil}::date, ${mealVoucherValueCents},
             r.at, (r.at at time zone 'Asia/Shanghai')::date, case when r.at is not null then pt.id end
      from union_memberships m join people p on p.id = m.person_id cross join generate_series(1, 2) g
      join (select distinct on (substr(county_code, 1, 4)) id, substr(county_code, 1, 4) as city from inclusive_redemption_points where kind = 'station' order by substr(county_code, 1, 4), id) pt
        on pt.city = substr(p.county_code, 1, 4)
      cross join lateral (select case when random() < 0.7 + 0 * g then (${today}::date - (random() * 20)::int)::timestamp + interval '3 hours' + random() * interval '3 hours' end as at) r
      where m.status = 'active' and m.note = '线上入会'`,
    );
    await run(
      tx,
      "mealLedger",
      sql`insert into benefit_ledger (person_id, item_code, year, occurred_on, county_code, union_id, programme, source_key, amount_cents, note)
      select v.person_id, 'meal', extract(year from v.redeemed_on)::int, v.redeemed_on, v.county_code, v.union_id, 'inclusive', 'inclusive:voucher:' || v.id, v.value_cents, pt.name
      from inclusive_meal_vouchers v join inclusive_redemption_points pt on pt.id = v.point_id
      where v.redeemed_on is not null
      on conflict (source_key) do nothing`,
    );
    await run(
      tx,
      "workerVouchers",
      sql`insert into inclusive_meal_vouchers (code, person_id, union_id, county_code, issued_on, valid_until, value_cents)
      select upper(substr(md5(random()::text || u.person_id::text || g::text), 1, 12)), u.person_id, m.union_id, p.county_code, ${today}::date, ${validUntil}::date, ${mealVoucherValueCents}
      from users u join people p on p.id = u.person_id join union_memberships m on m.person_id = u.person_id and m.status = 'active'
      cross join generate_series(1, 5) g
      where u.id = ${opts.workerUserId}::uuid`,
    );
  });
  return { gigMembers: n };
}
