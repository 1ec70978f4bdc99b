import { sql } from "drizzle-orm";
import type { Db } from "../../../platform/db/database";
import { queryRows } from "../../../platform/db/queryRows";
import { AppError } from "../../../platform/errors";

/**
 * A year's quotas and its draws take turns. The draw reads the quotas once, when it starts, so a change
 * made while it runs — lowering a union's places, or raising a child's, which lowers what its parent keeps
 * for its own members — could let it place more than the new numbers allow. So a quota change (the form
 * and the Excel upload alike) and a draw's start each take this lock in their transaction, and a change is
 * refused while a round of the year is running: whichever commits first, the other sees it.
 */
export async function lockQuotaYear(tx: Db, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('recuperation.quotas'), ${year}::int)`);
}

/** Takes the year's lock and refuses (409) while one of its rounds is being drawn. */
export async function refuseQuotaChangeWhileDrawing(tx: Db, year: number): Promise<void> {
  await lockQuotaYear(tx, year);
  const [running] = await queryRows<{ name: string }>(tx, sql`select name from recuperation_rounds where year = ${year} and status = 'running' limit 1`);
  if (running) throw new AppError("CONFLICT", `${year}年的“${running.name}”正在摇号，名额暂不能调整，请在摇号完成后再改`);
}
