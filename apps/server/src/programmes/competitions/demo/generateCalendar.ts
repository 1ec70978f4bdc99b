import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";

/** Per level: how many in a year at scale 1, and the shares of 重点赛 and 示范赛 (the rest are 常规赛). */
const plan = [
  { level: "province", count: 112, key: 0.2, model: 0.3 },
  { level: "city", count: 420, key: 0.1, model: 0.25 },
  { level: "county", count: 1250, key: 0.05, model: 0.2 },
  { level: "township", count: 1380, key: 0, model: 0.1 },
] as const;
const trades = ["电工", "焊工", "数控车工", "钳工", "家政服务员", "养老护理员", "中式烹调师", "汽车维修工", "茶艺师", "电子商务师", "快递员", "网约配送员", "育婴员", "砌筑工", "起重装卸机械操作工"];

/**
 * The years' competitions at the article's scale (over 100 provincial, over 3,000 township-or-higher
 * a year): one INSERT … SELECT over generate_series for every year and level, so one round trip
 * whatever the scale. Each is held in a county (spread over the county-level units), organised by the
 * federation of its level (the province, the county's city, the county), dated across its year.
 */
export async function generateCalendar(tx: Db, years: readonly number[], scale: number): Promise<number> {
  const rows = plan.map((p) => {
    const count = Math.max(1, Math.round(p.count * scale));
    return sql`(${p.level}, ${count}::int, ${Math.round(count * p.key)}::int, ${Math.round(count * (p.key + p.model))}::int)`;
  });
  const nt = trades.length;
  await tx.execute(sql`
    with counties as (
      select r.code, r.name, r.parent_code, c.name as city, row_number() over (order by r.code) - 1 as i
      from regions r join regions c on c.code = r.parent_code where r.level = 'county'
    ), nc as (select count(*)::int as n from counties),
    plan(level, cnt, keys, models) as (values ${sql.join(rows, sql`, `)}),
    gen as (
      select y, p.level, p.keys, p.models, g, (g * 37 + y) % nc.n as ci
      from unnest(${`{${years.join(",")}}`}::int[]) y cross join plan p cross join nc cross join lateral generate_series(0, p.cnt - 1) g
    )
    insert into competitions (name, tier, level, organiser_union_id, year, starts_on, ends_on, venue, county_code)
    select
      gen.y || '年' || case gen.level when 'province' then '浙江省' when 'city' then c.city else c.name end
        || (${`{${trades.join(",")}}`}::text[])[1 + g % ${nt}] || '职业技能竞赛'
        || case when gen.level = 'township' then '(乡镇街道赛' || (g / ${nt} + 1) || ')' when g >= ${nt} then '(第' || (g / ${nt} + 1) || '场)' else '' end,
      case when g < gen.keys then 'key' when g < gen.models then 'model' else 'regular' end,
      gen.level,
      u.id,
      gen.y,
      make_date(gen.y, 1, 1) + ((g * 97) % 350),
      make_date(gen.y, 1, 1) + ((g * 97) % 350) + (g % 3),
      c.name || case when g % 2 = 0 then '职业技术学校' else '工人文化宫' end,
      c.code
    from gen join counties c on c.i = gen.ci
    join unions u on u.kind in ('provincial', 'city', 'county') and u.region_code = case gen.level when 'province' then '330000' when 'city' then c.parent_code else c.code end
  `);
  return plan.reduce((s, p) => s + Math.max(1, Math.round(p.count * scale)), 0);
}
