import { todayInChina, type ImportRowError } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { hasPermission } from "../../../platform/access";
import type { AppContext } from "../../../platform/context";
import type { ImportSpec, ParsedRow } from "../../../platform/imports/importSpec";
import { queryRows } from "../../../platform/db/queryRows";
import { unionScope } from "../../../masterData/unions";
import { homeUnionOf, unionChains, whyNotAssign } from "./quotaRights";
import { applyQuotas, quotaRefusals } from "./quotaService";

const col = { union: "工会名称", quota: "名额" } as const;
const maxQuota = 10_000_000;

type QuotaRow = { unionName: string; quota: number; unionId?: string };

const yearOf = (ctx: AppContext) => Number(todayInChina(ctx.now()).slice(0, 4));

/**
 * The unions the actor hands places to, by name: those in its scope whose quota it sets (quotaRights),
 * at most 5,000 (a county's unions; the template's drop-down lists them).
 */
async function assignable(ctx: AppContext, actor: Actor): Promise<{ id: string; name: string }[]> {
  const db = ctx.database.db;
  const home = await homeUnionOf(db, actor);
  if (!home) return [];
  const candidates = await queryRows<{ id: string }>(db, sql`select id from unions where id <> ${home.id} and ${unionScope(actor)} order by name limit 20000`);
  const chains = await unionChains(db, actor, candidates.map((c) => c.id));
  return [...chains.values()].filter((u) => whyNotAssign(actor, home, u) === null).slice(0, 5000).map((u) => ({ id: u.id, name: u.name }));
}

/**
 * 疗休养名额分配 by Excel: a county (or a city, the province, a union account) uploads its split — one row
 * per union below it, the union's exact name and its places for this year. Refused per cell, in Chinese:
 * a union that is not one the account sets (another region's, its own, or one a lower level splits), a
 * union named twice, a name two such unions share, a number that is not a whole number from 0; then the
 * file as a whole against the tree, each refusal on the rows it is about: more than the level received
 * (尚余…), a union below what it handed down or below its members' use. Saved in one change, audited per
 * union as on the page. A raise reaches the waitlist at the next sweep (every minute), not at once.
 */
export const recuperationQuotaImport: ImportSpec<QuotaRow> = {
  kind: "recuperationQuotas",
  sheetName: "名额分配",
  columns: [
    {
      header: col.union,
      required: true,
      note: "本账号分配名额的下级工会，名称须与系统一致",
      example: "淳安县某某有限公司工会委员会",
      choices: async (ctx, actor) => (await assignable(ctx, actor)).map((u) => u.name),
    },
    { header: col.quota, required: true, note: "本年度分配给该工会的名额，0或正整数；不超过本级获得的名额", example: "5" },
  ],
  parseRow(cells) {
    const errors: Omit<ImportRowError, "row">[] = [];
    const unionName = (cells[col.union] ?? "").trim();
    if (!unionName) errors.push({ column: col.union, message: "此项为必填项，请从下拉列表中选择" });
    const text = (cells[col.quota] ?? "").trim();
    const quota = Number(text);
    if (!text) errors.push({ column: col.quota, message: "此项为必填项，请填写名额" });
    else if (!/^\d+$/.test(text) || quota > maxQuota) errors.push({ column: col.quota, message: `“${text}”应为0至${maxQuota}之间的整数` });
    return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { unionName, quota } };
  },
  async checkAll(rows, ctx, actor) {
    const errors: ImportRowError[] = [];
    if (!hasPermission(actor, "recuperation.quota")) return rows.map((r) => ({ row: r.row, column: col.union, message: "当前账号不能分配疗休养名额" }));
    const home = await homeUnionOf(ctx.database.db, actor);
    if (!home) return rows.map((r) => ({ row: r.row, column: col.union, message: "本账号未对应任何工会，没有可分配的名额" }));
    const byName = new Map<string, string[]>();
    for (const u of await assignable(ctx, actor)) byName.set(u.name, [...(byName.get(u.name) ?? []), u.id]);
    const firstRowOf = new Map<string, number>();
    const good: ParsedRow<QuotaRow>[] = [];
    for (const r of rows) {
      const ids = byName.get(r.value.unionName) ?? [];
      if (ids.length === 0) errors.push({ row: r.row, column: col.union, message: `“${r.value.unionName}”不是本账号分配名额的下级工会，请从下拉列表中选择` });
      else if (ids.length > 1) errors.push({ row: r.row, column: col.union, message: `有${ids.length}个下级工会名为“${r.value.unionName}”，请在工会名额页面逐个设置` });
      else if (firstRowOf.has(ids[0]!)) errors.push({ row: r.row, column: col.union, message: `与第${firstRowOf.get(ids[0]!)}行是同一工会` });
      else {
        firstRowOf.set(ids[0]!, r.row);
        r.value.unionId = ids[0]!;
        good.push(r);
      }
    }
    // The rows that name a union, as one change against the tree: each refusal on the rows it is about.
    if (good.length > 0) {
      const rowOf = new Map(good.map((r) => [r.value.unionId!, r.row]));
      const { refusals } = await quotaRefusals(ctx.database.db, actor, home, yearOf(ctx), new Map(good.map((r) => [r.value.unionId!, r.value.quota])));
      for (const f of refusals) errors.push({ row: rowOf.get(f.unionId)!, column: col.quota, message: f.message });
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    const home = await homeUnionOf(tx, actor);
    if (!home) return 0;
    await applyQuotas(
      tx,
      actor,
      home,
      yearOf(ctx),
      rows.map((r) => ({ unionId: r.value.unionId!, quota: r.value.quota })),
    );
    return rows.length;
  },
};
