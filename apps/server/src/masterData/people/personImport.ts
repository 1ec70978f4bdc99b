import {
  gigPlatformLabels,
  personCategoryLabels,
  personInputSchema,
  skillLevelLabels,
  type GigPlatform,
  type ImportRowError,
  type PersonCategory,
  type PersonValues,
} from "@jiangxin/domain";
import { inArray } from "drizzle-orm";
import { auditActorOf } from "../../platform/audit/writeAudit";
import { countyChoices } from "../../platform/imports/columnChoices";
import type { ImportSpec } from "../../platform/imports/importSpec";
import { labelLookup } from "../../platform/imports/labelLookup";
import { resolveCounty } from "../../platform/imports/resolveCounty";
import { rowErrors } from "../../platform/imports/zodIssuesToColumns";
import { mayManageInCounty } from "./personScope";
import { insertPerson } from "./service";
import { people } from "./tables";

const col = {
  name: "姓名",
  residentId: "身份证号",
  phone: "手机号",
  county: "工作所在县(市、区)",
  employer: "工作单位",
  occupation: "职业(工种)",
  skillLevel: "职业技能等级",
  categories: "职工类别",
  platforms: "所在平台",
} as const;

const columnOf: Record<string, string> = {
  name: col.name,
  residentId: col.residentId,
  phone: col.phone,
  countyCode: col.county,
  employerName: col.employer,
  occupation: col.occupation,
  skillLevel: col.skillLevel,
  categories: col.categories,
  platforms: col.platforms,
};

const skillOf = labelLookup(skillLevelLabels);
const categoryOf = labelLookup(personCategoryLabels);
const platformOf = labelLookup(gigPlatformLabels);
const splitList = (text: string) => text.split(/[、,，;；/\n]/).map((s) => s.trim()).filter(Boolean);

/** Each list cell's labels to codes; an unknown label is named. */
function listOf<K extends string>(text: string, lookup: (t: string) => K | undefined, what: string): { ok: true; value: K[] } | { ok: false; message: string } {
  const out: K[] = [];
  for (const part of splitList(text)) {
    const key = lookup(part);
    if (!key) return { ok: false, message: `不认识的${what}“${part}”` };
    out.push(key);
  }
  return { ok: true, value: out };
}

/**
 * 职工 bulk import: a union's or county's roster. Every row or none; a person already on record (same
 * ID number, however typed) is named by row, as is the same person twice in the file. Rows a union
 * account imports become its members from today (as when it enters one by hand).
 */
export const personImport: ImportSpec<PersonValues> = {
  kind: "people",
  sheetName: "职工",
  columns: [
    { header: col.name, required: true, note: "2–20字", example: "王建军" },
    { header: col.residentId, required: true, note: "18位，按GB 11643校验；全角数字、空格可", example: "330127199001011237" },
    { header: col.phone, required: false, note: "11位手机号", example: "13812345678" },
    { header: col.county, required: true, note: "县(市、区)名称或6位区划代码", example: "淳安县", choices: countyChoices },
    { header: col.employer, required: false, note: "企业或单位名称", example: "千岛湖精工机械有限公司" },
    { header: col.occupation, required: false, note: "", example: "数控车工" },
    { header: col.skillLevel, required: false, note: "如“高级工(三级)”或“技师”", example: "高级工", choices: Object.values(skillLevelLabels) },
    { header: col.categories, required: false, note: "一线职工/劳模工匠/新就业形态劳动者，多个用顿号分隔；不填为一线职工", example: "一线职工", choices: Object.values(personCategoryLabels), multiple: true },
    { header: col.platforms, required: false, note: "新就业形态劳动者填写：美团/饿了么/顺丰/京东/滴滴/菜鸟/货拉拉/其他平台", example: "", choices: Object.values(gigPlatformLabels), multiple: true },
  ],
  parseRow(cells, ctx) {
    const own: Omit<ImportRowError, "row">[] = [];
    const countyText = cells[col.county] ?? "";
    const county = countyText ? resolveCounty(countyText, ctx.regions) : undefined;
    if (county && !county.ok) own.push({ column: col.county, message: county.message });
    const skillText = cells[col.skillLevel] ?? "";
    const skill = skillText ? skillOf(skillText) : null;
    if (skillText && !skill) own.push({ column: col.skillLevel, message: `不认识的技能等级“${skillText}”` });
    const categories = listOf<PersonCategory>(cells[col.categories] ?? "", categoryOf, "职工类别");
    if (!categories.ok) own.push({ column: col.categories, message: categories.message });
    const platforms = listOf<GigPlatform>(cells[col.platforms] ?? "", platformOf, "平台");
    if (!platforms.ok) own.push({ column: col.platforms, message: platforms.message });
    const parsed = personInputSchema.safeParse({
      name: cells[col.name] ?? "",
      residentId: cells[col.residentId] ?? "",
      phone: cells[col.phone] ? cells[col.phone] : null,
      countyCode: county?.ok ? county.code : undefined,
      employerName: cells[col.employer] ?? null,
      occupation: cells[col.occupation] ?? null,
      skillLevel: skill ?? null,
      categories: categories.ok && categories.value.length > 0 ? categories.value : undefined,
      platforms: platforms.ok ? platforms.value : [],
    });
    const errors = rowErrors(own, parsed, columnOf);
    return parsed.success && errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors };
  },
  async checkAll(rows, ctx, actor) {
    const errors: ImportRowError[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      if (!mayManageInCounty(actor, r.value.countyCode)) {
        errors.push({ row: r.row, column: col.county, message: `“${ctx.regions.get(r.value.countyCode)?.name ?? r.value.countyCode}”不在您的辖区内` });
      }
      const hash = ctx.personHash(r.value.residentId);
      const first = seen.get(hash);
      if (first !== undefined) errors.push({ row: r.row, column: col.residentId, message: `与第${first}行是同一人(身份证号相同)` });
      else seen.set(hash, r.row);
    }
    const hashes = [...seen.keys()];
    for (let i = 0; i < hashes.length; i += 1000) {
      const existing = await ctx.database.db.select({ hash: people.residentIdHash }).from(people).where(inArray(people.residentIdHash, hashes.slice(i, i + 1000)));
      for (const e of existing) errors.push({ row: seen.get(e.hash) ?? 0, column: col.residentId, message: "该身份证号已登记，请勿重复导入" });
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    const who = { ...auditActorOf(actor), scope: actor.scope };
    for (const r of rows) await insertPerson(tx, ctx, who, r.value);
    return rows.length;
  },
};
