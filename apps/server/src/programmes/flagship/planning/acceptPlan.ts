import type { PlanAcceptInput } from "@jiangxin/domain";
import type { Actor } from "../../../platform/actor";
import { auditActorOf, writeAudit } from "../../../platform/audit/writeAudit";
import type { AppContext } from "../../../platform/context";
import { AppError } from "../../../platform/errors";
import { moveProblemInTx } from "../problems/moveProblem";
import { addTeamMemberInTx } from "../problems/problemTeam";

type Pair = { expertId: string; index: number; role?: "owner" | "member" };
type Team = { owner: Pair; members: Pair[] };

/** The pairs per problem: the pair marked owner (else the first not marked member) owns, the others help. */
function teamsOf(input: PlanAcceptInput): Map<string, Team> {
  const pairs = new Map<string, Pair[]>();
  const seen = new Set<string>();
  input.assignments.forEach((a, i) => {
    const key = `${a.problemId}\u0000${a.expertId}`;
    if (seen.has(key)) throw new AppError("VALIDATION_FAILED", "同一配对在方案中出现两次", { [`assignments.${i}`]: "同一专家在同一难题中只能出现一次" });
    seen.add(key);
    const list = pairs.get(a.problemId) ?? [];
    list.push({ expertId: a.expertId, index: i, role: a.role });
    pairs.set(a.problemId, list);
  });
  const teams = new Map<string, Team>();
  for (const [problemId, list] of pairs) {
    const marked = list.filter((p) => p.role === "owner");
    if (marked.length > 1) throw new AppError("VALIDATION_FAILED", "同一难题在方案中有两位负责专家", { [`assignments.${marked[1]!.index}`]: "同一难题只能指派一位负责专家" });
    const owner = marked[0] ?? list.find((p) => p.role !== "member");
    if (!owner) throw new AppError("VALIDATION_FAILED", "方案中有难题没有负责专家", { [`assignments.${list[0]!.index}`]: "每个难题须有一位负责专家" });
    teams.set(problemId, { owner, members: list.filter((p) => p !== owner) });
  }
  return teams;
}

/**
 * Accepting a plan is, per problem, the lifecycle move 已受理 → 已匹配专家 for its 负责专家 and then
 * each 协助专家 added to its team, all in one transaction: the same checks, events and audit rows as
 * when made by hand, and if any pair fails (the problem was matched meanwhile, an expert is now
 * full) nothing is kept and the staff member re-plans.
 */
export async function acceptPlan(ctx: AppContext, actor: Actor, input: PlanAcceptInput): Promise<{ accepted: number; members: number }> {
  const teams = teamsOf(input);
  return ctx.database.db.transaction(async (tx) => {
    let members = 0;
    const named = async (index: number, step: () => Promise<void>) => {
      try {
        await step();
      } catch (e) {
        if (!(e instanceof AppError)) throw e;
        // Name the pair: the page shows which row went stale.
        const message = e.code === "CONFLICT" ? `方案已过期：第${index + 1}项${e.message}，请重新规划` : `第${index + 1}项：${e.message}`;
        throw new AppError(e.code, message, { ...e.fields, [`assignments.${index}`]: e.message });
      }
    };
    for (const [problemId, team] of teams) {
      const { owner } = team;
      await named(owner.index, () => moveProblemInTx(ctx, tx, actor, problemId, { to: "matched", ownerExpertId: owner.expertId }));
      for (const m of team.members) {
        await named(m.index, () => addTeamMemberInTx(ctx, tx, actor, problemId, m.expertId));
        members++;
      }
    }
    await writeAudit(tx, auditActorOf(actor), { action: "plan.accept", objectType: "plan", detail: { count: teams.size, members } });
    return { accepted: teams.size, members };
  });
}
