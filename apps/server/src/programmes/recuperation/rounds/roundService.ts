import { recuperationRoundInputSchema, sha256Hex, type RecuperationRound, type RecuperationRoundStatus } from "@jiangxin/domain";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError, notFound } from "../../../platform/errors";
import { notify } from "../../../platform/inbox";
import { lockQuotaYear } from "../catalogue/quotaYearLock";
import { runRound } from "./runRound";
import { advanceWaitlist } from "./waitlist";

type RoundRow = {
  id: string;
  year: number;
  name: string;
  status: RecuperationRoundStatus;
  no_repeat_years: number;
  offer_hours: number;
  seed_hash: string | null;
  seed: string | null;
  progress_done: number;
  progress_total: number;
  progress_step: string | null;
  failure: string | null;
  committed_at: string | null;
  drawn_at: string | null;
  published_at: string | null;
  applications: number;
};

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());

function toRound(r: RoundRow): RecuperationRound {
  return {
    id: r.id,
    year: r.year,
    name: r.name,
    status: r.status,
    noRepeatYears: r.no_repeat_years,
    offerHours: r.offer_hours,
    seedHash: r.seed_hash,
    // The seed is shown only once the round is published.
    seed: r.status === "published" ? r.seed : null,
    applications: r.applications,
    progress: { done: r.progress_done, total: r.progress_total, step: r.progress_step },
    failure: r.failure,
    committedAt: iso(r.committed_at),
    drawnAt: iso(r.drawn_at),
    publishedAt: iso(r.published_at),
  };
}

const roundColumns = sql`r.id, r.year, r.name, r.status, r.no_repeat_years, r.offer_hours, r.seed_hash, r.seed, r.progress_done, r.progress_total, r.progress_step,
  r.failure, r.committed_at, r.drawn_at, r.published_at, (select count(*)::int from recuperation_applications a where a.round_id = r.id) as applications`;

export async function listRounds(db: Db): Promise<RecuperationRound[]> {
  return (await queryRows<RoundRow>(db, sql`select ${roundColumns} from recuperation_rounds r order by r.year desc, r.created_at desc`)).map(toRound);
}

export async function getRound(db: Db, id: string): Promise<RecuperationRound> {
  const [row] = await queryRows<RoundRow>(db, sql`select ${roundColumns} from recuperation_rounds r where r.id = ${id}`);
  if (!row) throw notFound("轮次");
  return toRound(row);
}

export async function createRound(ctx: AppContext, actor: Actor, input: z.output<typeof recuperationRoundInputSchema>): Promise<RecuperationRound> {
  const id = await ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`insert into recuperation_rounds (year, name, no_repeat_years, offer_hours) values (${input.year}, ${input.name}, ${input.noRepeatYears}, ${input.offerHours}) returning id`,
    );
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.round.create", objectType: "recuperationRound", objectId: row!.id, detail: input });
    return row!.id;
  });
  return getRound(ctx.database.db, id);
}

/**
 * Commits the seed: its SHA-256 is public from now on, the seed itself is kept encrypted until the
 * round is published. A seed the province brings (drawn in public) or one the server draws.
 */
export async function commitSeed(ctx: AppContext, actor: Actor, id: string, given: string | undefined): Promise<RecuperationRound> {
  const seed = given ?? randomBytes(16).toString("hex");
  const hash = sha256Hex(seed);
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ id: string }>(
      tx,
      sql`update recuperation_rounds set status = 'committed', seed_hash = ${hash}, seed_enc = ${ctx.cipher.encrypt(seed)}, committed_at = ${ctx.now().toISOString()}::timestamptz
          where id = ${id} and status = 'open' returning id`,
    );
    if (!row) throw new AppError("CONFLICT", "只有接受申请中的轮次可以承诺种子(种子一经承诺不能更换)");
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.round.commit", objectType: "recuperationRound", objectId: id, detail: { seedHash: hash } });
  });
  return getRound(ctx.database.db, id);
}

/**
 * Starts the draw as a job: the request returns at once with the round `running`; the page polls its
 * progress. The job runs on the top-level database a page at a time, so other requests go between.
 */
export async function startRun(ctx: AppContext, actor: Actor, id: string): Promise<RecuperationRound> {
  const db = ctx.database.db;
  const seedEnc = await db.transaction(async (tx) => {
    // The year's quota lock first: a quota change in flight commits before the draw reads the quotas, and
    // one made after this commits sees the round running and is refused (quotaYearLock.ts).
    const [round] = await queryRows<{ year: number }>(tx, sql`select year from recuperation_rounds where id = ${id}`);
    if (round) await lockQuotaYear(tx, round.year);
    const [row] = await queryRows<{ seed_enc: string }>(
      tx,
      sql`update recuperation_rounds set status = 'running', progress_done = 0, progress_total = 0, progress_step = '排队', failure = null
          where id = ${id} and status in ('committed', 'failed') and seed_enc is not null returning seed_enc`,
    );
    if (!row) throw new AppError("CONFLICT", "只有已承诺种子、尚未摇号的轮次可以摇号");
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.round.run", objectType: "recuperationRound", objectId: id });
    return row.seed_enc;
  });
  const seed = ctx.cipher.decrypt(seedEnc);
  let lastWrite = 0;
  const progress = async (step: string, done: number, total: number) => {
    const now = Date.now();
    if (now - lastWrite < 300 && done < total) return;
    lastWrite = now;
    await db.execute(sql`update recuperation_rounds set progress_step = ${step}, progress_done = ${done}, progress_total = ${total} where id = ${id}`);
  };
  void runRound(ctx, db, id, seed, progress)
    .then(() =>
      db.execute(sql`update recuperation_rounds set status = 'drawn', drawn_at = ${ctx.now().toISOString()}::timestamptz, progress_step = '完成' where id = ${id}`),
    )
    .catch(async (err: unknown) => {
      // The same seed gives the same draw, so a failed run may simply be run again.
      console.error("recuperation round failed", err);
      await db.execute(sql`update recuperation_rounds set status = 'failed', failure = ${"摇号未完成，可再次执行(同一种子结果相同)"} where id = ${id}`).catch(() => {});
    });
  return getRound(db, id);
}

/** Publishes the seed and the results: every draw offer's answer window starts now; waitlist offers follow. */
export async function publishRound(ctx: AppContext, actor: Actor, id: string): Promise<RecuperationRound> {
  const now = ctx.now();
  await ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ seed_enc: string; offer_hours: number; name: string }>(
      tx,
      sql`select seed_enc, offer_hours, name from recuperation_rounds where id = ${id} and status = 'drawn' for update`,
    );
    if (!row) throw new AppError("CONFLICT", "只有已摇号的轮次可以公布");
    const seed = ctx.cipher.decrypt(row.seed_enc);
    // The seed is public from now on: its encrypted copy goes, so only secrets stay under the data key.
    await tx.execute(sql`update recuperation_rounds set status = 'published', seed = ${seed}, seed_enc = null, published_at = ${now.toISOString()}::timestamptz where id = ${id}`);
    await tx.execute(sql`
      update recuperation_offers o set expires_at = ${now.toISOString()}::timestamptz + make_interval(hours => ${row.offer_hours})
      from recuperation_applications a where a.id = o.application_id and a.round_id = ${id} and o.status = 'offered' and o.expires_at is null`);
    const users = await queryRows<{ id: string }>(
      tx,
      sql`select u.id from users u join recuperation_applications a on a.person_id = u.person_id where a.round_id = ${id}`,
    );
    await notify(tx, {
      userIds: users.map((u) => u.id),
      title: `${row.name}摇号结果已公布`,
      body: "请在“我的疗休养”查看分组、摇号顺序和结果；获得名额的请在时限内确认。",
      link: "/recuperation/me",
      source: { programme: "recuperation", recordId: id },
      at: now,
    });
    await writeAudit(tx, auditActorOf(actor), { action: "recuperation.round.publish", objectType: "recuperationRound", objectId: id, detail: { seed } });
  });
  return getRound(ctx.database.db, id);
}

/** Expires overdue offers and passes freed places on, for every published round (a timer and the pages call it). */
export async function sweepOffers(ctx: AppContext): Promise<void> {
  const rounds = await queryRows<{ id: string }>(ctx.database.db, sql`select id from recuperation_rounds where status = 'published'`);
  for (const r of rounds) await ctx.database.db.transaction((tx) => advanceWaitlist(ctx, tx, r.id));
}
