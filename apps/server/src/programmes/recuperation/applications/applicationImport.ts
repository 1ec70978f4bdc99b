import { checkResidentId, todayInChina, type ImportRowError } from "@jiangxin/domain";
import { sql } from "drizzle-orm";
import type { Actor } from "../../../platform/actor";
import { hasPermission } from "../../../platform/access";
import type { AppContext } from "../../../platform/context";
import type { ImportSpec, ParsedRow } from "../../../platform/imports/importSpec";
import { queryRows } from "../../../platform/db/queryRows";
import { personBriefs } from "../../../masterData/people";

const col = {
  residentId: "身份证号",
  name: "姓名",
  round: "轮次",
  choice1: "第1志愿期次",
  choice2: "第2志愿期次",
  choice3: "第3志愿期次",
  group: "优先分组",
  lastYear: "上次疗休养年份",
} as const;
const choiceColumns = [col.choice1, col.choice2, col.choice3] as const;
/** A drop-down entry reads "期次编号｜线路｜出发日期"; the cell may hold the whole entry or the code alone. */
const sep = "｜";
const codeOf = (cell: string) => cell.split(sep)[0]!.trim();

type EntryRow = {
  residentId: string;
  name: string;
  roundName: string;
  choiceCodes: string[];
  groupLabel: string | null;
  lastYear: number | null;
  // Filled by checkAll.
  personId?: string;
  unionId?: string;
  countyCode?: string;
  roundId?: string;
  choiceIds?: string[];
  groupRank?: number;
};

type OpenRound = { id: string; name: string; year: number };
type OpenSession = { id: string; code: string; year: number; route_name: string; starts_on: string };

/** Rounds still taking applications (open, or committed but not drawn): the 轮次 drop-down. */
async function openRounds(ctx: AppContext): Promise<OpenRound[]> {
  return queryRows<OpenRound>(ctx.database.db, sql`select id, name, year from recuperation_rounds where status in ('open', 'committed') order by year, created_at`);
}

/** Sessions of those rounds' years not yet started (an application for a past departure is pointless). */
async function openSessions(ctx: AppContext): Promise<OpenSession[]> {
  const today = todayInChina(ctx.now());
  return queryRows<OpenSession>(
    ctx.database.db,
    sql`select s.id, s.code, s.year, r.name as route_name, s.starts_on::text from recuperation_sessions s join recuperation_routes r on r.id = s.route_id
        where s.starts_on > ${today}::date and s.year in (select year from recuperation_rounds where status in ('open', 'committed')) order by s.starts_on, s.code`,
  );
}

async function sessionChoices(ctx: AppContext): Promise<string[]> {
  return (await openSessions(ctx)).map((s) => [s.code, s.route_name, s.starts_on].join(sep));
}

/** Which memberships the actor may enter for: a union account its own unions' members, staff their counties', the province all. */
function memberScope(actor: Actor) {
  const s = actor.scope;
  if (s.kind === "all") return sql`true`;
  if (s.kind === "counties") return s.codes.length ? sql`p.county_code in (${sql.join(s.codes.map((c) => sql`${c}`), sql`, `)})` : sql`false`;
  if (s.kind === "union") return s.unionIds.length ? sql`m.union_id in (${sql.join(s.unionIds.map((u) => sql`${u}::uuid`), sql`, `)})` : sql`false`;
  return sql`false`;
}

/**
 * 疗休养申请 bulk entry: a union (or staff) enters applications for its members, one row each — the
 * person by ID number (found in the people registry, never created here), the round, up to three
 * ranked sessions, and the priority group as a check (the group itself always follows the person's
 * categories in the registry, as for a worker's own application, so a file cannot move anyone up).
 * Refused per cell, in Chinese: a person not on record, not a confirmed member, a member of another
 * union (outside the importer's scope), a union given no quota for the round's year, a name that is
 * not the registry's, a session not on the list or already started, a repeated choice, the same
 * person twice in the file, and one who already applied in the round.
 */
export const recuperationApplicationImport: ImportSpec<EntryRow> = {
  kind: "recuperationApplications",
  sheetName: "疗休养申请",
  columns: [
    { header: col.residentId, required: true, note: "18位；须已在职工库登记，且为本会已确认会员", example: "330127199001011237" },
    { header: col.name, required: true, note: "须与职工库中的姓名一致", example: "张三" },
    { header: col.round, required: true, note: "接受申请中的轮次", example: "2026年第二批", choices: async (ctx) => (await openRounds(ctx)).map((r) => r.name) },
    { header: col.choice1, required: true, note: "从下拉列表选择，或只填期次编号；须为轮次当年、尚未出发的期次", example: "S2026-001", choices: sessionChoices },
    { header: col.choice2, required: false, note: "不可与其他志愿重复", example: "", choices: sessionChoices },
    { header: col.choice3, required: false, note: "不可与其他志愿重复", example: "", choices: sessionChoices },
    {
      header: col.group,
      required: false,
      note: "选填，用于核对：分组按职工库中的职工类别确定，填写与之不符的行不导入",
      example: "一线职工",
      choices: async (ctx) => (await queryRows<{ label: string }>(ctx.database.db, sql`select label from recuperation_groups order by rank`)).map((g) => g.label),
    },
    { header: col.lastYear, required: false, note: "四位年份；近N年内参加过的不参与本轮摇号", example: "2022" },
  ],
  parseRow(cells, ctx, actor) {
    const errors: Omit<ImportRowError, "row">[] = [];
    if (!hasPermission(actor, "recuperation.enter")) errors.push({ column: col.residentId, message: "当前账号不能代会员申请疗休养" });
    const id = checkResidentId(cells[col.residentId] ?? "");
    if (!(cells[col.residentId] ?? "").trim()) errors.push({ column: col.residentId, message: "此项为必填项，请填写身份证号" });
    else if (!id.ok) errors.push({ column: col.residentId, message: id.message });
    const name = (cells[col.name] ?? "").trim();
    if (!name) errors.push({ column: col.name, message: "此项为必填项，请填写姓名" });
    const roundName = (cells[col.round] ?? "").trim();
    if (!roundName) errors.push({ column: col.round, message: "此项为必填项，请从下拉列表中选择" });
    const codes: string[] = [];
    let gap = false;
    for (const [i, c] of choiceColumns.entries()) {
      const code = codeOf(cells[c] ?? "");
      if (!code) {
        if (i === 0) errors.push({ column: c, message: "此项为必填项，请从下拉列表中选择" });
        gap = true;
        continue;
      }
      if (gap && i > 0) errors.push({ column: c, message: `请按顺序填写志愿：第${i}志愿为空时不能填第${i + 1}志愿` });
      if (codes.includes(code)) errors.push({ column: c, message: `期次“${code}”与前面的志愿重复` });
      codes.push(code);
    }
    const yearText = (cells[col.lastYear] ?? "").trim();
    let lastYear: number | null = null;
    if (yearText) {
      const thisYear = Number(todayInChina(ctx.now()).slice(0, 4));
      if (!/^\d{4}$/.test(yearText) || Number(yearText) < 1990 || Number(yearText) > thisYear) errors.push({ column: col.lastYear, message: `“${yearText}”应为1990至${thisYear}之间的四位年份` });
      else lastYear = Number(yearText);
    }
    if (errors.length > 0 || !id.ok) return { ok: false, errors };
    return { ok: true, value: { residentId: id.value.id, name, roundName, choiceCodes: codes, groupLabel: (cells[col.group] ?? "").trim() || null, lastYear } };
  },
  async checkAll(rows, ctx, actor) {
    const errors: ImportRowError[] = [];
    const db = ctx.database.db;
    const rounds = await openRounds(ctx);
    const roundsByName = new Map<string, OpenRound[]>();
    for (const r of rounds) roundsByName.set(r.name, [...(roundsByName.get(r.name) ?? []), r]);
    const sessions = new Map((await openSessions(ctx)).map((s) => [s.code, s]));
    const groups = await queryRows<{ rank: number; label: string; category: string | null }>(db, sql`select rank, label, category from recuperation_groups order by rank`);

    // People by ID number (the keyed hash), with their current membership and whether the actor may act for them.
    const hashes = [...new Set(rows.map((r) => ctx.personHash(r.value.residentId)))];
    type Found = { hash: string; id: string; name: string; county_code: string; categories: string[]; union_id: string | null; union_name: string | null; status: string | null; in_scope: boolean };
    const found = new Map<string, Found>();
    for (let i = 0; i < hashes.length; i += 2000) {
      const chunk = hashes.slice(i, i + 2000);
      const got = await queryRows<Found>(
        db,
        sql`select p.resident_id_hash as hash, p.id, p.name, p.county_code, p.categories, m.union_id, u.name as union_name, m.status, coalesce(${memberScope(actor)}, false) as in_scope
            from people p left join union_memberships m on m.person_id = p.id and m.status in ('pending', 'active') left join unions u on u.id = m.union_id
            where p.resident_id_hash in (${sql.join(chunk.map((h) => sql`${h}`), sql`, `)})`,
      );
      for (const f of got) found.set(f.hash, f);
    }
    const years = [...new Set(rounds.map((r) => r.year))];
    const quotas = new Map<string, number>();
    if (years.length > 0) {
      const got = await queryRows<{ year: number; union_id: string; quota: number }>(db, sql`select year, union_id, quota from recuperation_quotas where year in (${sql.join(years.map((y) => sql`${y}`), sql`, `)})`);
      for (const q of got) quotas.set(`${q.year}:${q.union_id}`, q.quota);
    }

    const seen = new Map<string, number>();
    const ok: ParsedRow<EntryRow>[] = [];
    for (const r of rows) {
      const v = r.value;
      const rowErrors: ImportRowError[] = [];
      const err = (column: string, message: string) => rowErrors.push({ row: r.row, column, message });
      const candidates = roundsByName.get(v.roundName) ?? [];
      const round = candidates.length === 1 ? candidates[0] : undefined;
      if (candidates.length === 0) err(col.round, `“${v.roundName}”不是接受申请中的轮次，请从下拉列表中选择`);
      else if (candidates.length > 1) err(col.round, `有${candidates.length}个同名轮次“${v.roundName}”，请联系省总工会`);
      const choiceIds: string[] = [];
      for (const [i, code] of v.choiceCodes.entries()) {
        const s = sessions.get(code);
        if (!s) err(choiceColumns[i]!, `期次“${code}”不存在或已出发，请从下拉列表中选择`);
        else if (round && s.year !== round.year) err(choiceColumns[i]!, `期次“${code}”不是${round.year}年的期次`);
        else choiceIds.push(s.id);
      }
      const hash = ctx.personHash(v.residentId);
      const first = seen.get(hash);
      if (first !== undefined) err(col.residentId, `与第${first}行是同一人(身份证号相同)`);
      else seen.set(hash, r.row);
      const p = found.get(hash);
      if (!p) err(col.residentId, "职工库中没有该身份证号，请先登记职工并办理入会");
      else {
        if (p.name !== v.name) err(col.name, `与职工库中该身份证号的姓名不一致`);
        if (!p.union_id || p.status !== "active") err(col.residentId, p.status === "pending" ? "该职工的入会申请尚未确认，确认后才能申请疗休养" : "该职工没有已确认的会籍，不能申请疗休养");
        else if (!p.in_scope) err(col.residentId, "该职工不是本会会员，只能为本会会员代为申请");
        else if (round && !quotas.has(`${round.year}:${p.union_id}`)) err(col.residentId, `所在工会「${p.union_name ?? ""}」${round.year}年尚未分配疗休养名额，请先由上级工会(所在县、市总工会)分配名额`);
        const rank = (groups.find((g) => g.category !== null && p.categories.includes(g.category)) ?? groups.find((g) => g.category === null))?.rank;
        if (rank === undefined) err(col.group, "尚未设置优先分组，请联系省总工会");
        else if (v.groupLabel !== null) {
          const label = groups.find((g) => g.rank === rank)?.label;
          if (!groups.some((g) => g.label === v.groupLabel)) err(col.group, `“${v.groupLabel}”不是可选的优先分组，请从下拉列表中选择`);
          else if (label !== v.groupLabel) err(col.group, `按职工库中的职工类别，该职工属于「${label}」，与填写的「${v.groupLabel}」不符`);
        }
        Object.assign(v, { personId: p.id, unionId: p.union_id ?? undefined, countyCode: p.county_code, groupRank: rank });
      }
      Object.assign(v, { roundId: round?.id, choiceIds });
      if (rowErrors.length > 0) errors.push(...rowErrors);
      else ok.push(r);
    }

    // Already applied in the round (by the worker itself or an earlier entry).
    for (let i = 0; i < ok.length; i += 2000) {
      const chunk = ok.slice(i, i + 2000);
      const pairs = sql.join(chunk.map((r) => sql`(${r.value.roundId}::uuid, ${r.value.personId}::uuid)`), sql`, `);
      const dup = await queryRows<{ round_id: string; person_id: string }>(db, sql`select round_id, person_id from recuperation_applications where (round_id, person_id) in (${pairs})`);
      const taken = new Set(dup.map((d) => `${d.round_id}:${d.person_id}`));
      for (const r of chunk) if (taken.has(`${r.value.roundId}:${r.value.personId}`)) errors.push({ row: r.row, column: col.residentId, message: "该职工在本轮次已有申请" });
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    const briefs = await personBriefs(ctx, tx, rows.map((r) => r.value.personId!));
    for (let i = 0; i < rows.length; i += 1000) {
      const values = rows.slice(i, i + 1000).map(({ value: v }) => {
        const b = briefs.get(v.personId!);
        const [c1, c2, c3] = v.choiceIds!;
        return sql`(${v.roundId}::uuid, ${v.personId}::uuid, ${v.unionId}::uuid, ${v.countyCode}, ${b?.sex ?? null}, ${b?.occupation ?? null}, ${v.groupRank}::int,
                    ${c1}::uuid, ${c2 ?? null}::uuid, ${c3 ?? null}::uuid, ${v.lastYear}::int, 'import', ${actor.userId}::uuid)`;
      });
      await tx.execute(sql`insert into recuperation_applications (round_id, person_id, union_id, county_code, sex, occupation, group_rank, choice1, choice2, choice3, last_year, channel, entered_by)
                           values ${sql.join(values, sql`, `)}`);
    }
    return rows.length;
  },
};
