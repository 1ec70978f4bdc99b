import { computeResidentIdCheckChar, type GigPlatform, gigPlatforms, maskPhone, maskResidentId, type PersonCategory, todayInChina } from "@jiangxin/domain";
import { eq, sql } from "drizzle-orm";
import { insertChunked } from "../../fixtures/insertChunked";
import { seededRandom, type Random } from "../../fixtures/random";
import { users } from "../../platform/auth/tables";
import type { AppContext } from "../../platform/context";
import { queryRows } from "../../platform/db/queryRows";
import { people, unionMemberships } from "./tables";

const surnames = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金贾夏韦付方邹熊孟秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"];
const givenChars = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉力斌波宇浩凯鹏飞俊晨欣雨婷佳琪子涵梦瑶晓东海燕春梅玉兰永生德才"];
const occupations = ["车工", "铣工", "焊工", "装配钳工", "电工", "机修钳工", "数控车工", "仪器仪表维修工", "纺织挡车工", "化工总控工", "汽车维修工", "食品加工工", "电子装配工", "质检员", "仓储管理员"];
const platformNames: Record<GigPlatform, string> = { meituan: "美团", eleme: "饿了么", sf: "顺丰", jd: "京东", didi: "滴滴", cainiao: "菜鸟", huolala: "货拉拉", other: "其他平台" };

/** A uuid from the seeded stream, so the demo is the same on every first start. */
function seededUuid(rnd: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd.next() * 16).toString(16));
  hex[12] = "4";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** A valid 18-digit ID for a birth in `countyCode`; `serial` (0–999) keeps same-day births apart. */
function residentIdOf(countyCode: string, birth: Date, serial: number): string {
  const first17 = `${countyCode}${birth.getUTCFullYear()}${pad(birth.getUTCMonth() + 1, 2)}${pad(birth.getUTCDate(), 2)}${pad(serial, 3)}`;
  return first17 + computeResidentIdCheckChar(first17);
}

type UnionRef = { id: string; county: string };

export type PeopleDemoSummary = { people: number; memberships: number; active: number; pending: number };

/**
 * The demo's 职工: `scale` × 12,000 people over the demo's enterprises (90% employed by one, the rest
 * platform workers or in small firms not on record), most of them members of their enterprise's
 * grassroots union (or the area's union, or the county federation), some with an earlier membership
 * transferred out, some requests still waiting for the union. Rows are built in memory — IDs hashed and
 * sealed once each — and inserted in chunks of JSON, in one transaction. The demo `worker` account is
 * bound to a person in 淳安 with an active membership.
 */
export async function loadPeopleDemo(ctx: AppContext, opts: { scale: number; workerUserId?: string; workerEnterpriseId?: string }): Promise<PeopleDemoSummary> {
  const { db } = ctx.database;
  const rnd = seededRandom(9);
  // Two flat reads joined here: a correlated subquery per firm cost seconds on the embedded database.
  const firms = await queryRows<{ id: string; county: string }>(db, sql`select id, county_code as county from enterprises order by id`);
  const covering = await queryRows<{ enterprise_id: string; union_id: string; single: boolean }>(
    db,
    sql`select ue.enterprise_id, ue.union_id, u.formation = 'single' as single from union_enterprises ue join unions u on u.id = ue.union_id where u.kind = 'grassroots'`,
  );
  const unionOfFirm = new Map<string, string>();
  for (const c of covering) if (c.single || !unionOfFirm.has(c.enterprise_id)) unionOfFirm.set(c.enterprise_id, c.union_id);
  const areaUnions = await queryRows<UnionRef & { kind: string }>(
    db,
    sql`select id, region_code as county, kind from unions where kind in ('grassroots', 'county') and (kind = 'county' or formation in ('regional', 'coverage')) order by kind desc, name`,
  );
  const areaUnionOf = new Map<string, string>();
  for (const u of areaUnions) if (!areaUnionOf.has(u.county)) areaUnionOf.set(u.county, u.id);
  const counties = ctx.regions.countiesUnder("330000");
  if (firms.length === 0 || counties.length === 0) return { people: 0, memberships: 0, active: 0, pending: 0 };

  const total = Math.max(200, Math.round(12_000 * opts.scale));
  const today = todayInChina(ctx.now());
  const thisYear = Number(today.slice(0, 4));
  const now = ctx.now();
  const personRows: (typeof people.$inferInsert)[] = [];
  const membershipRows: (typeof unionMemberships.$inferInsert)[] = [];
  const usedIds = new Set<string>();
  let active = 0;
  let pending = 0;

  for (let i = 0; i < total; i++) {
    const firm = rnd.next() < 0.9 ? rnd.pick(firms) : undefined;
    const county = firm?.county ?? rnd.pick(counties);
    const gig = !firm && rnd.next() < 0.6;
    const categories: PersonCategory[] = gig ? ["newEmployment"] : ["frontLine"];
    const platforms: GigPlatform[] = gig ? [rnd.pick(gigPlatforms.slice(0, 7))] : [];
    let id: string;
    do {
      const birth = new Date(Date.UTC(rnd.int(thisYear - 60, thisYear - 19), rnd.int(0, 11), rnd.int(1, 28)));
      id = residentIdOf(county, birth, rnd.int(0, 999));
    } while (usedIds.has(id));
    usedIds.add(id);
    // Rosters often lack a phone; sealing is the generator's main cost, so fewer phones is also a faster start.
    const phone = rnd.next() < 0.7 ? `1${rnd.pick(["3", "5", "7", "8", "9"])}${pad(rnd.int(0, 999_999_999), 9)}` : null;
    const personId = seededUuid(rnd);
    const createdAt = new Date(now.getTime() - rnd.int(1, 900) * 86_400_000);
    personRows.push({
      id: personId,
      name: rnd.pick(surnames) + rnd.pick(givenChars) + (rnd.next() < 0.7 ? rnd.pick(givenChars) : ""),
      residentIdHash: ctx.personHash(id),
      residentIdEnc: ctx.cipher.encrypt(id),
      residentIdMasked: maskResidentId(id),
      phoneEnc: phone ? ctx.cipher.encrypt(phone) : null,
      phoneMasked: phone ? maskPhone(phone) : null,
      countyCode: county,
      enterpriseId: firm?.id ?? null,
      employerName: firm ? null : gig ? `${platformNames[platforms[0] ?? "other"]}合作商` : null,
      occupation: gig ? (platforms[0] === "didi" ? "网约车司机" : "骑手/快递员") : rnd.pick(occupations),
      skillLevel: gig ? null : rnd.pick(["junior", "intermediate", "senior", "senior", "technician"]),
      categories,
      expertId: null,
      platforms,
      createdAt,
      updatedAt: createdAt,
    });

    const unionId = (firm && unionOfFirm.get(firm.id)) ?? areaUnionOf.get(county);
    const draw = rnd.next();
    if (!unionId || draw < 0.12) continue; // not (yet) a member
    const sinceYear = rnd.int(thisYear - 15, thisYear);
    const since = `${sinceYear}-${pad(rnd.int(1, 12), 2)}-${pad(rnd.int(1, 28), 2)}`;
    const sinceDate = since > today ? today : since;
    const previous = areaUnionOf.get(rnd.pick(counties));
    if (draw > 0.93 && previous && previous !== unionId && sinceYear > thisYear - 14) {
      // An earlier membership elsewhere, transferred out the day before this one began.
      membershipRows.push({ personId, unionId: previous, status: "transferred", since: `${sinceYear - 1 - rnd.int(0, 5)}-03-01`, until: sinceDate, requestedAt: new Date(`${sinceYear - 6}-01-01T00:00:00Z`), decidedAt: new Date(`${sinceDate}T02:00:00Z`) });
    }
    if (draw > 0.99) {
      membershipRows.push({ personId, unionId, status: "pending", requestedAt: new Date(now.getTime() - rnd.int(1, 20) * 86_400_000), note: "申请入会" });
      pending++;
    } else {
      membershipRows.push({ personId, unionId, status: "active", since: sinceDate, requestedAt: new Date(`${sinceDate}T01:00:00Z`), decidedAt: new Date(`${sinceDate}T02:00:00Z`) });
      active++;
    }
  }

  await db.transaction(async (tx) => {
    await insertChunked(tx, people, personRows);
    await insertChunked(tx, unionMemberships, membershipRows);
  });

  if (opts.workerUserId) await bindDemoWorker(ctx, opts.workerUserId, opts.workerEnterpriseId, areaUnionOf.get("330127"));
  return { people: personRows.length, memberships: membershipRows.length, active, pending };
}

/** The demo `worker` login: 陈晓东 of 千岛湖精工机械 (淳安), a member since two years ago. */
async function bindDemoWorker(ctx: AppContext, userId: string, enterpriseId: string | undefined, areaUnion: string | undefined): Promise<void> {
  const { db } = ctx.database;
  const id = residentIdOf("330127", new Date(Date.UTC(1991, 4, 12)), 315);
  const phone = "13957100315";
  const [firmUnion] = enterpriseId
    ? await queryRows<{ union_id: string }>(db, sql`select ue.union_id from union_enterprises ue join unions u on u.id = ue.union_id where ue.enterprise_id = ${enterpriseId} and u.kind = 'grassroots' limit 1`)
    : [];
  const unionId = firmUnion?.union_id ?? areaUnion;
  const since = `${Number(todayInChina(ctx.now()).slice(0, 4)) - 2}-05-01`;
  await db.transaction(async (tx) => {
    const [p] = await tx
      .insert(people)
      .values({
        name: "陈晓东",
        residentIdHash: ctx.personHash(id),
        residentIdEnc: ctx.cipher.encrypt(id),
        residentIdMasked: maskResidentId(id),
        phoneEnc: ctx.cipher.encrypt(phone),
        phoneMasked: maskPhone(phone),
        countyCode: "330127",
        enterpriseId: enterpriseId ?? null,
        employerName: enterpriseId ? null : "千岛湖精工机械有限公司",
        occupation: "数控车工",
        skillLevel: "senior",
        categories: ["frontLine"],
      })
      .returning({ id: people.id });
    if (!p) return;
    if (unionId) await tx.insert(unionMemberships).values({ personId: p.id, unionId, status: "active", since, requestedAt: new Date(`${since}T01:00:00Z`), decidedAt: new Date(`${since}T02:00:00Z`) });
    await tx.update(users).set({ personId: p.id, displayName: "陈晓东" }).where(eq(users.id, userId));
  });
}
