import { addDays, sha256Hex } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import { queryRows } from "../../../platform/db/queryRows";
import type { ProgrammeDemo } from "../../../platform/programme";
import { runRound } from "../rounds/runRound";

const kinds = ["疗休养院", "度假酒店", "民宿集群", "景区基地", "温泉康养中心"];
const themes = ["红色教育", "山水康养", "海岛休闲", "工匠文化", "非遗研学", "温泉疗养", "古镇人文", "茶文化"];
/** Applications per finished / open round at scale 1 (a province year is ~1.5 million: `JIANGXIN_DEMO_SCALE` up to 10 grows it). */
const finishedApplications = 1000;
const openApplications = 300;

/**
 * The demo: 119 provincial bases over the counties, routes of one or two bases (3–5 days), this year's
 * sessions every week, priority groups, quotas down the union tree (province → cities → counties →
 * grassroots unions), one round drawn and finished
 * for the sessions before today (offers answered, stays recorded: the spending figure counts them) and
 * one open round for the sessions from next week on, that the demo worker can apply to. The demo firm's union has no
 * quota yet, so its members wait on the list until 淳安县总工会 hands it some of the places it kept (the browser journey).
 * Rows are made by INSERT … SELECT generate_series; the finished round is drawn by runRound, the web's code.
 */
export const recuperationDemo: ProgrammeDemo = {
  async load(ctx, { scale, today }) {
    const db = ctx.database.db;
    const year = Number(today.slice(0, 4));
    const counties = ctx.regions.countiesUnder("330000");
    await db.execute(sql`insert into recuperation_groups (rank, label, category) values
      (1, '一线职工', 'frontLine'), (2, '劳模工匠', 'modelCraftsman'), (3, '新就业形态劳动者', 'newEmployment'), (4, '其他职工', null)`);
    const list = (items: readonly string[]) => sql`string_to_array(${items.join(",")}, ',')`;
    await db.execute(sql`
      insert into recuperation_bases (code, name, county_code, kind, capacity, price_per_day, certified_from, certified_until)
      select 'ZJ' || lpad(g::text, 3, '0'), '基地' || g, (${list(counties)})[1 + (g - 1) % ${counties.length}], (${list(kinds)})[1 + g % ${kinds.length}],
             80 + (g * 37) % 320, 380 + (g * 53) % 221, ${`${year - 1}-01-01`}::date, ${`${year + 1}-12-31`}::date
      from generate_series(1, 119) g`);
    // Base names from the region directory.
    const bases = await queryRows<{ id: string; county_code: string }>(db, sql`select id, county_code from recuperation_bases order by code`);
    const names = bases.map((b, i) => `${ctx.regions.get(b.county_code)?.name ?? ""}${["湖畔", "山居", "海韵", "古镇", "竹海", "温泉", "茶园"][i % 7]}职工疗休养基地`);
    await db.execute(sql`update recuperation_bases b set name = v.name
      from (select unnest(${list(bases.map((b) => b.id))}::uuid[]) as id, unnest(${list(names)}) as name) v where b.id = v.id`);

    // 60 routes: base i alone (days 3–5) or bases i and i+1 (2 + 2 or 3 + 2 days).
    await db.execute(sql`
      insert into recuperation_routes (name, theme, days)
      select (${list(themes)})[1 + g % ${themes.length}] || '线路' || g, (${list(themes)})[1 + g % ${themes.length}], case when g % 3 = 0 then 4 + g % 2 else 3 + g % 3 end
      from generate_series(1, 60) g`);
    await db.execute(sql`
      with r as (select id, days, (row_number() over (order by name))::int as g from recuperation_routes), b as (select id, (row_number() over (order by code))::int as i from recuperation_bases)
      insert into recuperation_route_bases (route_id, base_id, days, position)
      select r.id, b.id, case when r.g % 3 = 0 then 2 else r.days end, 1 from r join b on b.i = 1 + (r.g * 2) % 119
      union all
      select r.id, b.id, r.days - 2, 2 from r join b on b.i = 1 + (r.g * 2 + 1) % 119 where r.g % 3 = 0`);
    // Sessions: every route departs every other Monday-ish through the year, 30–50 places (× scale).
    const perSession = Math.max(5, Math.round(40 * scale));
    await db.execute(sql`
      insert into recuperation_sessions (code, route_id, year, starts_on, ends_on, capacity)
      select ${String(year)} || '-' || lpad(r.g::text, 2, '0') || '-' || lpad(w::text, 2, '0'), r.id, ${year},
             ${`${year}-01-05`}::date + (w * 14 + r.g % 7), ${`${year}-01-05`}::date + (w * 14 + r.g % 7) + r.days - 1, ${perSession} - 10 + (r.g + w) % 20
      from (select id, days, (row_number() over (order by name))::int as g from recuperation_routes) r, generate_series(0, 25) w`);
    const [n] = await queryRows<{ s: number }>(db, sql`select count(*)::int as s from recuperation_sessions`);
    return [`职工疗休养: 119 个基地、60 条线路、${n?.s ?? 0} 个期次(${year}年)`];
  },

  async withAccounts(ctx, accounts) {
    const db = ctx.database.db;
    const today = ctx.now().toISOString().slice(0, 10);
    const year = Number(today.slice(0, 4));
    const scale = ctx.config.demoScale;
    const [firmUnion] = await queryRows<{ union_id: string }>(db, sql`select ue.union_id from union_enterprises ue join unions u on u.id = ue.union_id where ue.enterprise_id = ${accounts.enterpriseId} and u.kind = 'grassroots' limit 1`);
    // Quotas down the union tree: 1–6 places per grassroots union (none yet for the demo firm's); each
    // county federation gets its unions' sum plus 5 it keeps undistributed, each city its counties' plus 20,
    // the province its cities' plus 100 — 淳安's five are what its officer hands the demo firm's union in
    // the journey. One statement, level by level (the demo's grassroots unions all sit directly under
    // their county, fixtures/demoUnions): it costs about what the grassroots rows alone did, where a
    // recursive walk up the tree added 0.3–0.4 s on PGlite.
    const y = sql`${year}::int`;
    await db.execute(sql`
      with leaf as (
        insert into recuperation_quotas (year, union_id, quota)
        select ${y}, id, case when id = ${firmUnion?.union_id ?? null}::uuid then 0 else 1 + abs(hashtext(id::text)) % 6 end from unions where kind = 'grassroots'
        returning union_id, quota),
      county as (select u.parent_id as id, sum(l.quota) + 5 as quota from leaf l join unions u on u.id = l.union_id group by u.parent_id),
      city as (select u.parent_id as id, sum(c.quota) + 20 as quota from county c join unions u on u.id = c.id group by u.parent_id),
      province as (select u.parent_id as id, sum(c.quota) + 100 as quota from city c join unions u on u.id = c.id group by u.parent_id)
      insert into recuperation_quotas (year, union_id, quota)
      select ${y}, id, quota::int from county union all select ${y}, id, quota::int from city union all select ${y}, id, quota::int from province`);

    // The two rounds' applicants: active members, the demo firm's union left out (its worker applies in the journey).
    const make = async (roundId: string, count: number, sessionsWhere: ReturnType<typeof sql>, offset: number) => {
      const [{ n } = { n: 0 }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from recuperation_sessions where ${sessionsWhere}`);
      if (n === 0) return;
      // Choices by arithmetic on the member's number, joined by the session's number (hash joins, no per-row scan).
      await db.execute(sql`
        with s as (select id, (row_number() over (order by code))::int - 1 as i from recuperation_sessions where ${sessionsWhere}),
        m as (select m.person_id, m.union_id, p.county_code, p.occupation, p.categories, (row_number() over (order by m.person_id))::int as k
              from union_memberships m join people p on p.id = m.person_id
              where m.status = 'active' and m.union_id is distinct from ${firmUnion?.union_id ?? null}::uuid
              order by m.person_id offset ${offset} limit ${count})
        insert into recuperation_applications (round_id, person_id, union_id, county_code, sex, occupation, group_rank, choice1, choice2, choice3, last_year, channel)
        select ${roundId}, m.person_id, m.union_id, m.county_code, case when m.k % 2 = 0 then 'female' else 'male' end, m.occupation,
               case when 'frontLine' = any(m.categories) then 1 when 'modelCraftsman' = any(m.categories) then 2 when 'newEmployment' = any(m.categories) then 3 else 4 end,
               s1.id, case when s2.id <> s1.id and m.k % 4 <> 0 then s2.id end, case when s3.id not in (s1.id, s2.id) and m.k % 3 = 0 then s3.id end,
               case when m.k % 9 = 0 then ${year} - 1 - (m.k % 5) end, case when m.k % 5 = 0 then 'union' else 'self' end
        from m join s s1 on s1.i = (m.k * 7) % ${n} join s s2 on s2.i = (m.k * 11 + 3) % ${n} join s s3 on s3.i = (m.k * 13 + 5) % ${n}`);
    };

    const finishedSeed = sha256Hex(`demo-${year}-1`).slice(0, 24);
    const [finished] = await queryRows<{ id: string }>(
      db,
      sql`insert into recuperation_rounds (year, name, status, no_repeat_years, seed_hash, seed_enc, committed_at, created_at)
          values (${year}, ${`${year}年第一批`}, 'running', 3, ${sha256Hex(finishedSeed)}, ${ctx.cipher.encrypt(finishedSeed)}, ${`${year}-01-02T02:00:00Z`}::timestamptz, ${`${year}-01-01T02:00:00Z`}::timestamptz) returning id`,
    );
    await make(finished!.id, Math.round(finishedApplications * scale), sql`starts_on < ${today}::date`, 0);
    await runRound(ctx, db, finished!.id, finishedSeed);
    // Finished: published in January; most accepted and stayed, some declined or did not come.
    await db.execute(sql`update recuperation_rounds set status = 'published', seed = ${finishedSeed}, seed_enc = null, drawn_at = ${`${year}-01-03T02:00:00Z`}::timestamptz,
      published_at = ${`${year}-01-03T03:00:00Z`}::timestamptz, progress_step = '完成' where id = ${finished!.id}`);
    await db.execute(sql`
      update recuperation_offers o set expires_at = ${`${year}-01-05T03:00:00Z`}::timestamptz, answered_at = ${`${year}-01-04T03:00:00Z`}::timestamptz,
        status = case when abs(hashtext(o.id::text)) % 20 = 0 then 'declined'
                      when s.starts_on < ${today}::date and abs(hashtext(o.id::text)) % 20 = 1 then 'noShow'
                      when s.starts_on < ${today}::date then 'stayed' else 'accepted' end
      from recuperation_sessions s where s.id = o.session_id`);
    await db.execute(sql`
      insert into recuperation_stays (offer_id, base_id, person_id, county_code, starts_on, days, amount_yuan)
      select o.id, rb.base_id, a.person_id, a.county_code, s.starts_on, rb.days, rb.days * b.price_per_day
      from recuperation_offers o join recuperation_applications a on a.id = o.application_id join recuperation_sessions s on s.id = o.session_id
      join recuperation_route_bases rb on rb.route_id = s.route_id join recuperation_bases b on b.id = rb.base_id
      where o.status = 'stayed'`);

    const [open] = await queryRows<{ id: string }>(
      db,
      sql`insert into recuperation_rounds (year, name, status, no_repeat_years) values (${year}, ${`${year}年第二批`}, 'open', 3) returning id`,
    );
    await make(open!.id, Math.round(openApplications * scale), sql`starts_on >= ${addDays(today, 7)}::date`, Math.round(finishedApplications * scale));
  },
};
