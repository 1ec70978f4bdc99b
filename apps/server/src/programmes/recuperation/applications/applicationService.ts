import {
  lotteryHex,
  recuperationOutcomeTexts,
  type OutcomeCode,
  type RecuperationApplicationRow,
  type RecuperationChannel,
  type RecuperationMyApplication,
  type RecuperationOffer,
  type RecuperationRoundStatus,
} from "@jiangxin/domain";
import { sql, type SQL } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError, notFound } from "../../../platform/errors";
import { benefitRefusal, recordBenefit } from "../../../masterData/members";
import { personBriefs, personFacts, personIdOf, personVisibleTo } from "../../../masterData/people";
import { advanceWaitlist } from "../rounds/waitlist";

/** The applications an actor may see: a union account its unions', staff their counties', the province all. */
export function applicationScope(actor: Actor): SQL {
  const s = actor.scope;
  if (s.kind === "all") return sql`true`;
  if (s.kind === "counties") return s.codes.length ? sql`a.county_code in (${sql.join(s.codes.map((c) => sql`${c}`), sql`, `)})` : sql`false`;
  if (s.kind === "union") return sql`a.union_id in (${sql.join(s.unionIds.map((u) => sql`${u}::uuid`), sql`, `)})`;
  return sql`false`;
}

/** The priority group of a person: the first group (by rank) whose category the person has, else the catch-all group. */
async function groupOf(db: Db, categories: readonly string[]): Promise<number> {
  const groups = await queryRows<{ rank: number; category: string | null }>(db, sql`select rank, category from recuperation_groups order by rank`);
  const match = groups.find((g) => g.category !== null && categories.includes(g.category)) ?? groups.find((g) => g.category === null);
  if (!match) throw new AppError("CONFLICT", "尚未设置优先分组");
  return match.rank;
}

type NewApplication = { roundId: string; personId: string; choices: string[]; lastYear: number | null; channel: RecuperationChannel };

/** One application, checked against the round (open, the sessions of its year) and the person's current union. */
async function insertApplication(ctx: AppContext, actor: Actor, input: NewApplication): Promise<string> {
  const db = ctx.database.db;
  const facts = await personFacts(db, input.personId);
  if (!facts) throw notFound("职工");
  if (!facts.membership || facts.membership.status !== "active") throw new AppError("CONFLICT", "需先成为工会会员(会籍已确认)才能申请疗休养", { personId: "没有已确认的会籍" });
  const [round] = await queryRows<{ status: RecuperationRoundStatus; year: number }>(db, sql`select status, year from recuperation_rounds where id = ${input.roundId}`);
  if (!round) throw notFound("轮次");
  if (round.status !== "open" && round.status !== "committed") throw new AppError("CONFLICT", "该轮次已停止接受申请", { roundId: "已停止接受申请" });
  const sessions = await queryRows<{ id: string }>(
    db,
    sql`select id from recuperation_sessions where year = ${round.year} and id in (${sql.join(input.choices.map((c) => sql`${c}::uuid`), sql`, `)})`,
  );
  if (sessions.length !== input.choices.length) throw new AppError("VALIDATION_FAILED", "所选期次不属于该年度", { choices: "所选期次不属于该年度" });
  const groupRank = await groupOf(db, facts.categories);
  const brief = (await personBriefs(ctx, db, [input.personId])).get(input.personId);
  return db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into recuperation_applications (round_id, person_id, union_id, county_code, sex, occupation, group_rank, choice1, choice2, choice3, last_year, channel, entered_by)
          values (${input.roundId}, ${input.personId}, ${facts.membership!.unionId}, ${facts.countyCode}, ${brief?.sex ?? null}, ${brief?.occupation ?? null}, ${groupRank},
                  ${input.choices[0]}, ${input.choices[1] ?? null}, ${input.choices[2] ?? null}, ${input.lastYear}, ${input.channel}, ${actor.userId})
          on conflict (round_id, person_id) do nothing returning id`,
    );
    if (!row) throw new AppError("CONFLICT", "该职工在本轮次已有申请", { personId: "本轮已申请" });
    await writeAudit(tx, auditActorOf(actor), {
      action: "recuperation.application.create",
      objectType: "recuperationApplication",
      objectId: row.id,
      detail: { roundId: input.roundId, channel: input.channel, choices: input.choices },
    });
    return row.id;
  });
}

export async function applySelf(ctx: AppContext, actor: Actor, input: { roundId: string; choices: string[] }): Promise<string> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) throw new AppError("CONFLICT", "请先完成实名注册");
  return insertApplication(ctx, actor, { ...input, personId, lastYear: null, channel: "self" });
}

/** A union (or staff) enters an application for a person it may act for. */
export async function enterApplication(ctx: AppContext, actor: Actor, input: { roundId: string; personId: string; choices: string[]; lastYear: number | null }, channel: RecuperationChannel = "union"): Promise<string> {
  if (!(await personVisibleTo(ctx.database.db, actor, input.personId))) throw notFound("职工");
  return insertApplication(ctx, actor, { ...input, channel });
}

type MyRow = {
  id: string;
  round_id: string;
  round_name: string;
  round_status: RecuperationRoundStatus;
  year: number;
  seed: string | null;
  group_rank: number;
  group_label: string | null;
  position: number | null;
  outcome: number | null;
  eligible_count: number | null;
  choices: { sessionId: string; code: string; routeName: string; startsOn: string }[];
};

/** A worker's own applications with everything the issue promises them: group, position, result or why not, waitlist place, offers. */
export async function myApplications(ctx: AppContext, actor: Actor): Promise<RecuperationMyApplication[]> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return [];
  const db = ctx.database.db;
  const rows = await queryRows<MyRow>(
    db,
    sql`select a.id, a.round_id, r.name as round_name, r.status as round_status, r.year, r.seed, a.group_rank, g.label as group_label, d.position, d.outcome,
          (r.report ->> 'eligible')::int as eligible_count,
          (select json_agg(json_build_object('sessionId', s.id, 'code', s.code, 'routeName', rt.name, 'startsOn', s.starts_on) order by c.n)
             from (values (1, a.choice1), (2, a.choice2), (3, a.choice3)) c(n, sid) join recuperation_sessions s on s.id = c.sid join recuperation_routes rt on rt.id = s.route_id) as choices
        from recuperation_applications a join recuperation_rounds r on r.id = a.round_id left join recuperation_groups g on g.rank = a.group_rank
          left join recuperation_draw_results d on d.round_id = a.round_id and d.application_id = a.id
        where a.person_id = ${personId} order by r.year desc, r.created_at desc`,
  );
  const out: RecuperationMyApplication[] = [];
  for (const r of rows) {
    const published = r.round_status === "published";
    const offers = published ? await offersOf(db, sql`o.application_id = ${r.id}`) : [];
    let waitlistPlace: number | null = null;
    const holds = offers.some((o) => ["offered", "accepted", "stayed"].includes(o.status));
    if (published && r.position !== null && !holds) {
      const [w] = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int + 1 as n from recuperation_draw_results d where d.round_id = ${r.round_id} and d.position < ${r.position}
            and not exists (select 1 from recuperation_offers o where o.application_id = d.application_id and o.status in ('offered', 'accepted', 'stayed'))`,
      );
      waitlistPlace = w?.n ?? null;
    }
    out.push({
      id: r.id,
      roundId: r.round_id,
      roundName: r.round_name,
      roundStatus: r.round_status,
      year: r.year,
      groupRank: r.group_rank,
      groupLabel: r.group_label ?? `第${r.group_rank}组`,
      choices: r.choices ?? [],
      position: published ? r.position : null,
      eligibleCount: published ? r.eligible_count : null,
      outcome: published ? ((r.outcome ?? null) as OutcomeCode | null) : null,
      outcomeText: published && r.outcome !== null ? recuperationOutcomeTexts[r.outcome as OutcomeCode] : null,
      waitlistPlace,
      lotteryNumber: published && r.seed ? lotteryHex(r.seed, r.id) : null,
      offers,
    });
  }
  return out;
}

async function offersOf(db: Db, where: SQL): Promise<RecuperationOffer[]> {
  const rows = await queryRows<{ id: string; session_id: string; code: string; route_name: string; starts_on: string; source: "draw" | "waitlist"; status: RecuperationOffer["status"]; expires_at: string | null }>(
    db,
    sql`select o.id, o.session_id, s.code, rt.name as route_name, s.starts_on::text, o.source, o.status, o.expires_at
        from recuperation_offers o join recuperation_sessions s on s.id = o.session_id join recuperation_routes rt on rt.id = s.route_id
        where ${where} order by o.offered_at`,
  );
  return rows.map((o) => ({
    id: o.id,
    sessionId: o.session_id,
    sessionCode: o.code,
    routeName: o.route_name,
    startsOn: o.starts_on,
    source: o.source,
    status: o.status,
    expiresAt: o.expires_at ? new Date(o.expires_at).toISOString() : null,
  }));
}

/** A worker accepts or declines its offer within the window; a decline passes the place on at once. */
export async function answerOffer(ctx: AppContext, actor: Actor, offerId: string, answer: "accept" | "decline"): Promise<void> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) throw notFound("名额");
  const now = ctx.now().toISOString();
  await ctx.database.db.transaction(async (tx) => {
    const [offer] = await queryRows<{ round_id: string; status: string; expired: boolean }>(
      tx,
      sql`select a.round_id, o.status, (o.expires_at is null or o.expires_at < ${now}::timestamptz) as expired from recuperation_offers o
          join recuperation_applications a on a.id = o.application_id where o.id = ${offerId} and a.person_id = ${personId} for update of o`,
    );
    if (!offer) throw notFound("名额");
    if (offer.status !== "offered") throw new AppError("CONFLICT", "该名额已处理");
    if (offer.expired) throw new AppError("CONFLICT", "确认时限已过，名额已顺延给候补");
    await tx.execute(sql`update recuperation_offers set status = ${answer === "accept" ? "accepted" : "declined"}, answered_at = ${now}::timestamptz where id = ${offerId}`);
    await writeAudit(tx, auditActorOf(actor), { action: `recuperation.offer.${answer}`, objectType: "recuperationOffer", objectId: offerId });
    if (answer === "decline") await advanceWaitlist(ctx, tx, offer.round_id);
  });
}

/** After a session: the union or staff records a stay (one row per base of the route, priced at the base) or a no-show. */
export async function recordStay(ctx: AppContext, actor: Actor, offerId: string, status: "stayed" | "noShow"): Promise<void> {
  await ctx.database.db.transaction(async (tx) => {
    const [offer] = await queryRows<{ id: string; person_id: string; county_code: string; route_id: string; starts_on: string }>(
      tx,
      sql`select o.id, a.person_id, a.county_code, s.route_id, s.starts_on::text from recuperation_offers o
          join recuperation_applications a on a.id = o.application_id join recuperation_sessions s on s.id = o.session_id
          where o.id = ${offerId} and o.status = 'accepted' and ${applicationScope(actor)} for update of o`,
    );
    if (!offer) throw new AppError("CONFLICT", "只有已接受的名额可以登记入住或未到");
    await tx.execute(sql`update recuperation_offers set status = ${status} where id = ${offerId}`);
    if (status === "stayed") {
      await tx.execute(sql`
        insert into recuperation_stays (offer_id, base_id, person_id, county_code, starts_on, days, amount_yuan, recorded_by)
        select ${offerId}, rb.base_id, ${offer.person_id}, ${offer.county_code}, ${offer.starts_on}::date, rb.days, rb.days * b.price_per_day, ${actor.userId}
        from recuperation_route_bases rb join recuperation_bases b on b.id = rb.base_id where rb.route_id = ${offer.route_id}`);
      // The stay is also a row of the member's 9+X ledger (item 疗休养), once per offer. A person the
      // ledger refuses (no longer a member, over the item's yearly limit) still has the stay recorded.
      const benefit = { personId: offer.person_id, itemCode: "recuperation", occurredOn: offer.starts_on };
      if (!(await benefitRefusal(tx, benefit))) {
        const [amount] = await queryRows<{ yuan: number }>(tx, sql`select coalesce(sum(amount_yuan), 0)::int as yuan from recuperation_stays where offer_id = ${offerId}`);
        await recordBenefit(tx, { ...benefit, programme: "recuperation", sourceKey: `recuperation:stay:${offerId}`, amountCents: (amount?.yuan ?? 0) * 100, actor: auditActorOf(actor) });
      }
    }
    await writeAudit(tx, auditActorOf(actor), { action: `recuperation.offer.${status}`, objectType: "recuperationOffer", objectId: offerId });
  });
}

/** A round's applications as the actor may see them, in draw order once drawn. */
export async function listApplications(ctx: AppContext, actor: Actor, roundId: string, page: number, pageSize: number): Promise<{ items: RecuperationApplicationRow[]; total: number }> {
  const db = ctx.database.db;
  const where = sql`a.round_id = ${roundId} and ${applicationScope(actor)}`;
  const [count] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from recuperation_applications a where ${where}`);
  const rows = await queryRows<{
    id: string;
    person_name: string;
    union_name: string;
    county_code: string;
    group_rank: number;
    choices: string[];
    channel: RecuperationChannel;
    position: number | null;
    outcome: number | null;
    offer_status: RecuperationApplicationRow["offerStatus"];
    session_code: string | null;
  }>(
    db,
    sql`select a.id, p.name as person_name, u.name as union_name, a.county_code, a.group_rank,
          array_remove(array[(select code from recuperation_sessions where id = a.choice1), (select code from recuperation_sessions where id = a.choice2), (select code from recuperation_sessions where id = a.choice3)], null) as choices,
          a.channel, d.position, d.outcome, lo.status as offer_status, lo.code as session_code
        from recuperation_applications a join people p on p.id = a.person_id join unions u on u.id = a.union_id
        left join recuperation_draw_results d on d.round_id = a.round_id and d.application_id = a.id
        left join lateral (select o.status, s.code from recuperation_offers o join recuperation_sessions s on s.id = o.session_id where o.application_id = a.id order by o.offered_at desc limit 1) lo on true
        where ${where} order by d.position nulls last, a.created_at limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      personName: r.person_name,
      unionName: r.union_name,
      countyName: ctx.regions.get(r.county_code)?.name ?? r.county_code,
      groupRank: r.group_rank,
      choices: r.choices,
      channel: r.channel,
      position: r.position,
      outcome: (r.outcome ?? null) as OutcomeCode | null,
      offerStatus: r.offer_status,
      sessionCode: r.session_code,
    })),
  };
}
