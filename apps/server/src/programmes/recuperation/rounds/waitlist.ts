import { sql } from "drizzle-orm";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { notify } from "../../../platform/inbox";
import { drawableQuotas } from "../catalogue/drawableQuotas";

/**
 * The waitlist of a published round: offers not answered in time expire, and every place free in a
 * session (capacity less the places offered, accepted or stayed, over all rounds) goes to the first
 * waiting applicant in draw order who chose that session, whose union still has quota for the year,
 * and who has had no offer in this round: a place declined or left to expire ends the applicant's turn
 * (else the one who let it lapse would be offered their next choice ahead of those still waiting). Each
 * offer is held for the round's offer hours, then passed on. In the caller's transaction; repeated
 * until nothing changes.
 */
export async function advanceWaitlist(ctx: AppContext, tx: Db, roundId: string): Promise<number> {
  const now = ctx.now().toISOString();
  await tx.execute(sql`
    update recuperation_offers o set status = 'expired', answered_at = ${now}::timestamptz
    from recuperation_applications a
    where a.id = o.application_id and a.round_id = ${roundId} and o.status = 'offered' and o.expires_at < ${now}::timestamptz`);
  let offered = 0;
  for (;;) {
    // One offer per session with a free place per pass: the first waiting applicant who chose it.
    const next = await queryRows<{ application_id: string; session_id: string; person_id: string; code: string; position: number; rank: number }>(
      tx,
      sql`
      with free as (
        select s.id, s.code, s.capacity - (select count(*) from recuperation_offers o where o.session_id = s.id and o.status in ('offered', 'accepted', 'stayed')) as left
        from recuperation_sessions s join recuperation_rounds r on r.year = s.year
        where r.id = ${roundId} and s.starts_on > ${now}::timestamptz::date
      ),
      quota_left as (
        select q.union_id, q.quota - (select count(*) from recuperation_offers o join recuperation_applications a2 on a2.id = o.application_id
                                      join recuperation_rounds r2 on r2.id = a2.round_id
                                      where a2.union_id = q.union_id and r2.year = q.year and o.status in ('offered', 'accepted', 'stayed')) as left
        from ${drawableQuotas(sql`(select year from recuperation_rounds where id = ${roundId})`)} q join recuperation_rounds r on r.year = q.year where r.id = ${roundId}
      )
      select distinct on (f.id) a.id as application_id, f.id as session_id, a.person_id, f.code, d.position,
        case f.id when a.choice1 then 1 when a.choice2 then 2 else 3 end as rank
      from free f
      join recuperation_applications a on a.round_id = ${roundId} and f.id in (a.choice1, a.choice2, a.choice3)
      join recuperation_draw_results d on d.round_id = a.round_id and d.application_id = a.id and d.position is not null
      join quota_left ql on ql.union_id = a.union_id and ql.left > 0
      where f.left > 0
        and not exists (select 1 from recuperation_offers o where o.application_id = a.id)
      order by f.id, d.position`,
    );
    // The earliest in draw order of the sessions' candidates goes first, to the first of their choices
    // with a place; the rest are looked at again in the next pass (that offer may have used their
    // union's last quota place).
    const first = next.sort((x, y) => x.position - y.position || x.rank - y.rank)[0];
    if (!first) return offered;
    const [round] = await queryRows<{ offer_hours: number; name: string }>(tx, sql`select offer_hours, name from recuperation_rounds where id = ${roundId}`);
    await tx.execute(sql`
      insert into recuperation_offers (application_id, session_id, source, status, offered_at, expires_at)
      values (${first.application_id}, ${first.session_id}, 'waitlist', 'offered', ${now}::timestamptz, ${now}::timestamptz + make_interval(hours => ${round!.offer_hours}))`);
    const users = await queryRows<{ id: string }>(tx, sql`select id from users where person_id = ${first.person_id}`);
    await notify(tx, {
      userIds: users.map((u) => u.id),
      title: "候补递补：您获得了疗休养名额",
      body: `${round!.name}：期次 ${first.code} 有名额递补给您，请在${round!.offer_hours}小时内确认，逾期将顺延给下一位。`,
      link: "/recuperation/me",
      source: { programme: "recuperation", recordId: first.application_id },
      at: new Date(now),
    });
    offered++;
  }
}
