import { gigPlatformLabels, maskResidentId, personInputSchema, todayInChina, type GigPlatform, type ImportRowError } from "@jiangxin/domain";
import { inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import type { ImportSpec } from "../../platform/imports/importSpec";
import { labelLookup } from "../../platform/imports/labelLookup";
import { resolveCounty } from "../../platform/imports/resolveCounty";
import { rowErrors } from "../../platform/imports/zodIssuesToColumns";
import { insertChunked } from "../../fixtures/insertChunked";
import { people, unionMemberships } from "../people";
import { findUnion } from "../unions";

const col = { name: "姓名", residentId: "身份证号", county: "工作所在县(市、区)", employer: "工作单位", occupation: "职业(工种)", platform: "所在平台", since: "入会日期" } as const;
const columnOf: Record<string, string> = { name: col.name, residentId: col.residentId, countyCode: col.county, employerName: col.employer, occupation: col.occupation, platforms: col.platform };
const platformOf = labelLookup(gigPlatformLabels);

type RosterRow = { name: string; residentId: string; countyCode: string; employerName: string | null; occupation: string | null; platform: GigPlatform | null; since: string | null; hash?: string };

/**
 * 会员名册 bulk import (a platform's or a union's roster, 100,000+ rows): every row becomes a person
 * (people's record, sealed and hashed) and an active member of the importing union account's union
 * from the row's 入会日期 (or today). All rows or none; each bad cell is named by row and column; the
 * same person twice in the file and a person already on record (by ID number) are reported, never
 * merged silently. Saving is bulk (chunks of JSON), so 100,000 rows are minutes, not hours.
 */
export const rosterImport: ImportSpec<RosterRow> = {
  kind: "memberRoster",
  sheetName: "会员名册",
  columns: [
    { header: col.name, required: true, note: "2–20字", example: "张骑手" },
    { header: col.residentId, required: true, note: "18位，按GB 11643校验", example: "330127199001011237" },
    { header: col.county, required: true, note: "县(市、区)名称或6位区划代码", example: "淳安县" },
    { header: col.employer, required: false, note: "企业、平台或合作商名称", example: "美团外卖淳安站" },
    { header: col.occupation, required: false, note: "", example: "外卖骑手" },
    { header: col.platform, required: false, note: "美团/饿了么/顺丰/京东/滴滴/菜鸟/货拉拉/其他平台", example: "美团" },
    { header: col.since, required: false, note: "YYYY-MM-DD；不填为导入当天", example: "2026-03-01" },
  ],
  parseRow(cells, ctx, actor) {
    const own: Omit<ImportRowError, "row">[] = [];
    if (actor.scope.kind !== "union") own.push({ column: col.name, message: "会员名册由基层工会账号导入(导入的职工成为本会会员)" });
    const countyText = cells[col.county] ?? "";
    const county = countyText ? resolveCounty(countyText, ctx.regions) : undefined;
    if (county && !county.ok) own.push({ column: col.county, message: county.message });
    const platformText = cells[col.platform] ?? "";
    const platform = platformText ? (platformOf(platformText) ?? null) : null;
    if (platformText && !platform) own.push({ column: col.platform, message: `不认识的平台“${platformText}”` });
    const since = (cells[col.since] ?? "").trim();
    if (since && (!/^\d{4}-\d{2}-\d{2}$/.test(since) || Number.isNaN(Date.parse(since)) || since > todayInChina(ctx.now()))) {
      own.push({ column: col.since, message: "入会日期应为不晚于今天的YYYY-MM-DD" });
    }
    const parsed = personInputSchema.safeParse({
      name: cells[col.name] ?? "",
      residentId: cells[col.residentId] ?? "",
      countyCode: county?.ok ? county.code : undefined,
      employerName: cells[col.employer] ?? null,
      occupation: cells[col.occupation] ?? null,
      categories: platform ? ["newEmployment"] : ["frontLine"],
      platforms: platform ? [platform] : [],
    });
    const errors = rowErrors(own, parsed, columnOf);
    if (!parsed.success || errors.length > 0) return { ok: false as const, errors };
    const v = parsed.data;
    return { ok: true as const, value: { name: v.name, residentId: v.residentId, countyCode: v.countyCode, employerName: v.employerName, occupation: v.occupation, platform, since: since || null } };
  },
  async checkAll(rows, ctx) {
    const errors: ImportRowError[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      const hash = ctx.personHash(r.value.residentId);
      r.value.hash = hash;
      const first = seen.get(hash);
      if (first !== undefined) errors.push({ row: r.row, column: col.residentId, message: `与第${first}行是同一人(身份证号相同)` });
      else seen.set(hash, r.row);
    }
    const hashes = [...seen.keys()];
    for (let i = 0; i < hashes.length; i += 5000) {
      const existing = await ctx.database.db.select({ hash: people.residentIdHash }).from(people).where(inArray(people.residentIdHash, hashes.slice(i, i + 5000)));
      for (const e of existing) errors.push({ row: seen.get(e.hash) ?? 0, column: col.residentId, message: "该身份证号已在职工库中登记(重复)，请从名册中删除或由所在工会办理转会" });
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    const s = actor.scope;
    if (s.kind !== "union") throw new Error("roster import needs a union account");
    const union = await findUnion(tx, s.unionId);
    if (!union) throw new Error("union missing");
    const today = todayInChina(ctx.now());
    const now = ctx.now();
    const personRows: (typeof people.$inferInsert)[] = [];
    const memberRows: (typeof unionMemberships.$inferInsert)[] = [];
    for (const { value: v } of rows) {
      const id = randomUUID();
      personRows.push({
        id,
        name: v.name,
        residentIdHash: v.hash ?? ctx.personHash(v.residentId),
        residentIdEnc: ctx.cipher.encrypt(v.residentId),
        residentIdMasked: maskResidentId(v.residentId),
        countyCode: v.countyCode,
        employerName: v.employerName,
        occupation: v.occupation,
        categories: v.platform ? ["newEmployment"] : ["frontLine"],
        platforms: v.platform ? [v.platform] : [],
        createdAt: now,
        updatedAt: now,
      });
      const since = v.since ?? today;
      memberRows.push({ personId: id, unionId: union.id, status: "active", since, requestedAt: now, decidedAt: now, decidedBy: actor.userId, note: "名册导入" });
    }
    await insertChunked(tx, people, personRows);
    await insertChunked(tx, unionMemberships, memberRows);
    return rows.length;
  },
};
