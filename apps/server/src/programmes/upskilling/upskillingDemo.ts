import { addDays, chinaMidnight, daysBetween, schemeOfYear, todayInChina } from "@jiangxin/domain";
import { eq, inArray, sql } from "drizzle-orm";
import { users } from "../../platform/auth/tables";
import type { AppContext } from "../../platform/context";
import type { DemoAccountIds, ProgrammeDemo } from "../../platform/programme";
import { regions } from "../../platform/regions/tables";
import { people, unionMemberships } from "../../masterData/people";
import { maskBankAccount } from "./queries";
import { upskillingApplications, upskillingBatchItems, upskillingPaymentBatches, upskillingReviews } from "./tables";

/** Applications in this year's demo round at scale 1: about one active member in eleven of the demo's 30,000 people, capped here. */
const perScale = 1500;

const rejectReasons = ["证书编号与人社部门公布名单不符，请核对后重新申请", "未能提供劳动合同，请补充后重新申请", "证书取得时间早于本年度补助范围"];
const bankFailures = ["户名与账号不符", "账号不存在或已销户", "账户已冻结"];

/**
 * This year's round over the demo's members, in a few bulk statements (no row-by-row round trips):
 * applications in every state — waiting at each of the three steps, approved and waiting for a
 * batch, rejected with a reason, paid, and failed at the bank with a reason — spread over the year,
 * one payment batch per city with the bank's answers. Bank accounts are a small pool sealed once.
 * The demo worker (陈晓东) has last year's degree subsidy paid, with its three review steps by the demo
 * accounts, and nothing this year, so he can apply for a skill grade.
 */
async function withAccounts(ctx: AppContext, accounts: DemoAccountIds): Promise<void> {
  const { db } = ctx.database;
  const today = todayInChina(ctx.now());
  let year = Number(today.slice(0, 4));
  let scheme = schemeOfYear(year);
  // Early in a round there is too little of it to show every state: the demo shows last year's then.
  if (!scheme || daysBetween(scheme.opensOn, today) < 90) scheme = schemeOfYear(--year);
  if (!scheme) return;
  const end = today < scheme.closesOn ? today : scheme.closesOn;
  const span = Math.max(61, daysBetween(scheme.opensOn, end));
  const n = Math.max(50, Math.round(perScale * ctx.config.demoScale));

  const pool = Array.from({ length: 40 }, (_, i) => `62${String(170000000000000 + i * 7_919_113_117).padStart(17, "0")}`.slice(0, 19));
  const sealed = pool.map((a) => ctx.cipher.encrypt(a));
  const masked = pool.map(maskBankAccount);
  const arr = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;
  const [worker] = await db.select({ personId: users.personId }).from(users).where(eq(users.id, accounts.workerUserId));
  const [province] = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.role, "province")).limit(1);
  if (!province) return;
  const opens = chinaMidnight(scheme.opensOn).toISOString();

  const cityCodes = Object.keys(scheme.cityQuotas);
  await db.transaction(async (tx) => {
    // One batch per city for its paid and failed applications (dated once they are in, below).
    const batches = await tx
      .insert(upskillingPaymentBatches)
      .values(cityCodes.map((cityCode) => ({ year, cityCode, createdByUserId: province.id, createdByName: province.name, createdAt: chinaMidnight(end) })))
      .returning({ id: upskillingPaymentBatches.id, cityCode: upskillingPaymentBatches.cityCode });
    const bankPool = sql.join(sealed.map((s, i) => sql`(${i}::int, ${s}, ${masked[i]})`), sql`, `);
    const batchOf = sql.join(batches.map((b) => sql`(${b.cityCode}, ${b.id}::uuid)`), sql`, `);
    // About one active member in eleven, chosen by a hash of the person (no sort over every member).
    const h = sql.raw(`abs(('x' || substr(md5(m.person_id::text), 1, 8))::bit(32)::int)`);
    const h2 = sql.raw(`abs(('x' || substr(md5(m.person_id::text), 9, 8))::bit(32)::int)`);
    await tx.execute(sql`
      with picked as (
        select p.id, p.name, p.resident_id_masked, p.county_code, r.parent_code as city_code, m.union_id, p.categories, ${h} % 100 as bucket, ${h2} as h2
        from ${unionMemberships} m
        join ${people} p on p.id = m.person_id
        join ${regions} r on r.code = p.county_code
        where m.status = 'active' and ${h} % 11 = 0 and m.person_id is distinct from ${worker?.personId ?? null}::uuid
        limit ${n}
      ), dated as (
        select *, case when bucket < 50 then 'paid' when bucket < 55 then 'failed' when bucket < 62 then 'approved' when bucket < 72 then 'rejected' else 'pending' end as status,
          -- Decided ones were submitted at least 60 days ago; pending ones in the last 40 days.
          case when bucket < 72 then ${opens}::timestamptz + ((h2 % ${span - 60}) || ' days')::interval + interval '9 hours'
               else ${chinaMidnight(end).toISOString()}::timestamptz - ((h2 % 40) || ' days')::interval + interval '10 hours' end as submitted_at
        from picked
      )
      insert into ${upskillingApplications} (year, person_id, person_name, resident_id_masked, county_code, city_code, union_id, priority, priority_groups,
        kind, level, certificate_number, issued_on, has_labour_contract, bank_name, bank_account_enc, bank_account_masked, amount_yuan, status, stage, reason,
        batch_id, submitted_at, approved_at, paid_at, updated_at)
      select ${year}, id, name, resident_id_masked, county_code, d.city_code, union_id,
        categories && array['modelCraftsman', 'newEmployment']::text[],
        array_remove(array[case when 'modelCraftsman' = any(categories) then '劳模工匠' end, case when 'newEmployment' = any(categories) then '新就业形态劳动者' end], null),
        case when h2 % 7 < 2 then 'degree' else 'skillGrade' end,
        case when h2 % 7 < 2 then (array['juniorCollege', 'bachelor'])[1 + h2 % 2] else (array['junior', 'intermediate', 'senior', 'technician', 'seniorTechnician'])[1 + (h2 / 7) % 5] end,
        (case when h2 % 7 < 2 then 'D' else 'S' end) || ${year} || upper(substr(md5(id::text || 'cert'), 1, 10)),
        (${scheme.certificatesFrom}::date + (h2 % 200))::date,
        not ('newEmployment' = any(categories)),
        (array['中国工商银行', '中国农业银行', '中国建设银行', '浙江农商银行', '中国邮政储蓄银行'])[1 + (h2 / 11) % 5],
        bank.enc, bank.masked,
        ${scheme.amountYuan}, status,
        case when status = 'pending' then (array['grassroots', 'county', 'city'])[1 + (h2 / 3) % 3] end,
        case when status = 'rejected' then (${arr(rejectReasons)})[1 + h2 % 3] when status = 'failed' then (${arr(bankFailures)})[1 + h2 % 3] end,
        case when status in ('paid', 'failed') then b.batch_id end,
        submitted_at,
        case when status in ('approved', 'paid', 'failed') then submitted_at + ((12 + h2 % 20) || ' days')::interval end,
        case when status = 'paid' then submitted_at + ((30 + h2 % 25) || ' days')::interval end,
        submitted_at
      from dated d left join (values ${batchOf}) as b(city_code, batch_id) on b.city_code = d.city_code
        join (values ${bankPool}) as bank(i, enc, masked) on bank.i = d.h2 % 40`);
    await tx.execute(sql`insert into ${upskillingBatchItems} (batch_id, application_id, amount_yuan, result, reason, answered_at)
      select batch_id, id, amount_yuan, status, case when status = 'failed' then reason end, coalesce(paid_at, approved_at + interval '20 days')
      from ${upskillingApplications} where year = ${year} and batch_id is not null`);
    // A batch is made before the bank answers any of it.
    await tx.execute(sql`update ${upskillingPaymentBatches} b set created_at = x.first - interval '1 day'
      from (select batch_id, min(answered_at) as first from ${upskillingBatchItems} group by batch_id) x where x.batch_id = b.id`);

    // The demo worker's own history: last year's degree subsidy, reviewed by the demo accounts and paid.
    if (!worker?.personId) return;
    const [p] = await tx
      .select({ name: people.name, masked: people.residentIdMasked, county: people.countyCode, unionId: unionMemberships.unionId })
      .from(people)
      .innerJoin(unionMemberships, sql`${unionMemberships.personId} = ${people.id} and ${unionMemberships.status} = 'active'`)
      .where(eq(people.id, worker.personId));
    const reviewers = await tx.select({ id: users.id, name: users.displayName, username: users.username }).from(users).where(inArray(users.username, ["jiceng", "chunan", "hangzhou"]));
    if (!p || reviewers.length < 3) return;
    const last = year - 1;
    const at = (d: number) => chinaMidnight(addDays(`${last}-05-06`, d));
    const [app] = await tx
      .insert(upskillingApplications)
      .values({
        year: last, personId: worker.personId, applicantUserId: accounts.workerUserId, personName: p.name, residentIdMasked: p.masked, countyCode: p.county,
        cityCode: "330100", unionId: p.unionId, priority: false, kind: "degree", level: "juniorCollege", certificateNumber: `D${last}ZJ0127000318`,
        issuedOn: `${last - 1}-12-30`, hasLabourContract: true, bankName: "浙江农商银行淳安支行", bankAccountEnc: ctx.cipher.encrypt("6230910199001234567"),
        bankAccountMasked: maskBankAccount("6230910199001234567"), amountYuan: 1000, status: "paid", submittedAt: at(0), approvedAt: at(19), paidAt: at(33), updatedAt: at(33),
      })
      .returning({ id: upskillingApplications.id });
    if (!app) return;
    const order = ["jiceng", "chunan", "hangzhou"] as const;
    const stages = ["grassroots", "county", "city"] as const;
    await tx.insert(upskillingReviews).values(
      order.map((u, i) => {
        const r = reviewers.find((x) => x.username === u) ?? reviewers[0]!;
        return { applicationId: app.id, stage: stages[i]!, decision: "approve" as const, reason: null, reviewerUserId: r.id, reviewerName: r.name, at: at(3 + i * 8) };
      }),
    );
    const hz = reviewers.find((x) => x.username === "hangzhou")!;
    const [batch] = await tx.insert(upskillingPaymentBatches).values({ year: last, cityCode: "330100", createdByUserId: hz.id, createdByName: hz.name, createdAt: at(25) }).returning({ id: upskillingPaymentBatches.id });
    if (!batch) return;
    await tx.insert(upskillingBatchItems).values({ batchId: batch.id, applicationId: app.id, amountYuan: 1000, result: "paid", answeredAt: at(33) });
    await tx.update(upskillingApplications).set({ batchId: batch.id }).where(eq(upskillingApplications.id, app.id));
  });
}

export const upskillingDemo: ProgrammeDemo = { load: async () => [], withAccounts };
