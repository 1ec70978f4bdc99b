import { goldBlueCollarStatusLabels, prizeLabels, todayInChina } from "@jiangxin/domain";
import { desc, eq } from "drizzle-orm";
import type { Actor } from "../../platform/actor";
import type { AppContext } from "../../platform/context";
import type { ProgrammeMyItem } from "../../platform/programme";
import { personIdOf } from "../../masterData/people";
import { competitionEvents, competitionRegistrations, competitionResults, competitions, goldBlueCollars } from "./tables";

/**
 * 我的: a worker's registrations (with the entry number once drawn, the results' stage, and the place
 * and prize once final) and their 浙江金蓝领 nominations and certificates, newest first.
 */
export async function competitionMyItems(ctx: AppContext, actor: Actor): Promise<ProgrammeMyItem[]> {
  const personId = await personIdOf(ctx, actor);
  if (!personId) return [];
  const { db } = ctx.database;
  const regs = await db
    .select({ r: competitionRegistrations, event: competitionEvents, competitionName: competitions.name, place: competitionResults.place, prize: competitionResults.prize })
    .from(competitionRegistrations)
    .innerJoin(competitionEvents, eq(competitionEvents.id, competitionRegistrations.eventId))
    .innerJoin(competitions, eq(competitions.id, competitionEvents.competitionId))
    .leftJoin(competitionResults, eq(competitionResults.registrationId, competitionRegistrations.id))
    .where(eq(competitionRegistrations.personId, personId))
    .orderBy(desc(competitionRegistrations.createdAt))
    .limit(50);
  const items: ProgrammeMyItem[] = regs.map(({ r, event, competitionName, place, prize }) => {
    const entry = r.entryNumber ? `参赛号${r.entryNumber}` : null;
    const status =
      r.status === "withdrawn"
        ? "已撤回"
        : event.status === "final"
          ? place !== null
            ? `第${place}名${prize ? ` ${prizeLabels[prize]}` : ""}`
            : "成绩已确定"
          : event.status === "published"
            ? "成绩公示中(可申诉)"
            : event.judgingOpenedAt
              ? `${entry ?? ""} 评分中`.trim()
              : (entry ?? "已报名，待抽签");
    return { title: `${competitionName} · ${event.name}`, status, link: `/competition-events/${event.id}`, date: todayInChina(r.createdAt) };
  });
  const gbc = await db
    .select({ g: goldBlueCollars, eventName: competitionEvents.name, finalAt: competitionEvents.finalAt })
    .from(goldBlueCollars)
    .innerJoin(competitionEvents, eq(competitionEvents.id, goldBlueCollars.eventId))
    .where(eq(goldBlueCollars.personId, personId));
  for (const { g, eventName, finalAt } of gbc) {
    items.push({
      title: `浙江金蓝领 · ${eventName}${g.certificateNo ? ` · 证书${g.certificateNo}` : ""}`,
      status: g.status === "approved" ? "已认定，可下载证书" : goldBlueCollarStatusLabels[g.status],
      link: "/competitions/gold-blue-collar",
      date: todayInChina(g.decidedAt ?? finalAt ?? ctx.now()),
    });
  }
  return items;
}
