import { expertInputSchema, honourLevelLabels, honourTitleLabels, skillLevelLabels, trades, type ExpertInput, type ImportRowError } from "@jiangxin/domain";
import { insertExpert } from "./service";
import { coversCounty } from "../../platform/access";
import { countyChoices } from "../../platform/imports/columnChoices";
import type { ImportSpec } from "../../platform/imports/importSpec";
import { labelLookup } from "../../platform/imports/labelLookup";
import { resolveCounty } from "../../platform/imports/resolveCounty";
import { rowErrors } from "../../platform/imports/zodIssuesToColumns";

const col = {
  name: "姓名",
  residentId: "身份证号",
  phone: "手机号",
  employer: "工作单位",
  county: "所在县(市、区)",
  skillLevel: "职业技能等级",
  trades: "工种",
  honours: "荣誉",
  maxOpenProblems: "同时承担难题上限",
} as const;

const columnOf: Record<string, string> = {
  name: col.name,
  residentId: col.residentId,
  phone: col.phone,
  employer: col.employer,
  homeCountyCode: col.county,
  skillLevel: col.skillLevel,
  trades: col.trades,
  honours: col.honours,
  maxOpenProblems: col.maxOpenProblems,
};

const skillOf = labelLookup(skillLevelLabels);
const tradeOf = labelLookup(trades);
const honourOf = labelLookup(honourTitleLabels);
const levelOf = labelLookup(honourLevelLabels);
const splitList = (text: string) => text.split(/[、,，;；\n]/).map((s) => s.trim()).filter(Boolean);

/** "浙江工匠/省级/2022/浙江省总工会；全国五一劳动奖章/国家级/2019/中华全国总工会" */
function parseHonours(text: string): { ok: true; value: ExpertInput["honours"] } | { ok: false; message: string } {
  const out: ExpertInput["honours"] = [];
  for (const [i, item] of text.split(/[;；\n]/).map((s) => s.trim()).filter(Boolean).entries()) {
    const [title = "", level = "", year = "", awardedBy = ""] = item.split(/[/|｜]/).map((s) => s.trim());
    const t = honourOf(title);
    const l = levelOf(level);
    if (!t) return { ok: false, message: `第${i + 1}项荣誉“${title}”不是可选的荣誉称号` };
    if (!l) return { ok: false, message: `第${i + 1}项荣誉的级别应为国家级、省级或市级` };
    if (!/^\d{4}$/.test(year)) return { ok: false, message: `第${i + 1}项荣誉的年份应为4位数字` };
    out.push({ title: t, level: l, year: Number(year), awardedBy, ...(t === "other" ? { name: title } : {}) });
  }
  return { ok: true, value: out };
}

export const expertImport: ImportSpec<ExpertInput> = {
  kind: "experts",
  sheetName: "劳模工匠",
  columns: [
    { header: col.name, required: true, note: "", example: "葛师傅" },
    { header: col.residentId, required: false, note: "18位，可空", example: "" },
    { header: col.phone, required: true, note: "11位手机号", example: "13812345678" },
    { header: col.employer, required: true, note: "", example: "杭州某清洁能源装备股份有限公司" },
    { header: col.county, required: true, note: "所在县(市、区)名称或代码", example: "上城区", choices: countyChoices },
    { header: col.skillLevel, required: true, note: "如 高级技师、技师", example: "高级技师(一级)", choices: Object.values(skillLevelLabels) },
    { header: col.trades, required: true, note: "多个用、分隔", example: "焊工、装配钳工", choices: Object.values(trades), multiple: true },
    { header: col.honours, required: false, note: "称号/级别/年份/授予单位，多项用；分隔", example: "浙江工匠/省级/2022/浙江省总工会" },
    { header: col.maxOpenProblems, required: false, note: "默认3", example: "3" },
  ],
  parseRow(cells, ctx) {
    const own: Omit<ImportRowError, "row">[] = [];
    const countyText = cells[col.county] ?? "";
    const county = countyText ? resolveCounty(countyText, ctx.regions) : undefined;
    if (county && !county.ok) own.push({ column: col.county, message: county.message });
    const skillText = cells[col.skillLevel] ?? "";
    const skill = skillOf(skillText);
    if (skillText && !skill) own.push({ column: col.skillLevel, message: `“${skillText}”不是职业技能等级，如“高级技师”` });
    const tradeTexts = splitList(cells[col.trades] ?? "");
    const unknownTrade = tradeTexts.find((t) => !tradeOf(t));
    if (unknownTrade) own.push({ column: col.trades, message: `“${unknownTrade}”不在工种目录中` });
    const honours = parseHonours(cells[col.honours] ?? "");
    if (!honours.ok) own.push({ column: col.honours, message: honours.message });
    const maxText = cells[col.maxOpenProblems] ?? "";
    const parsed = expertInputSchema.safeParse({
      name: cells[col.name] ?? "",
      ...(cells[col.residentId] ? { residentId: cells[col.residentId] } : {}),
      phone: cells[col.phone] ?? "",
      employer: cells[col.employer] ?? "",
      homeCountyCode: county?.ok ? county.code : undefined,
      skillLevel: skill,
      trades: tradeTexts.map((t) => tradeOf(t)).filter((t) => t !== undefined),
      honours: honours.ok ? honours.value : [],
      ...(maxText ? { maxOpenProblems: Number(maxText) } : {}),
    });
    const errors = rowErrors(own, parsed, columnOf);
    return parsed.success && errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors };
  },
  async checkAll(rows, ctx, actor) {
    const errors: ImportRowError[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      if (!coversCounty(actor, r.value.homeCountyCode)) errors.push({ row: r.row, column: col.county, message: `“${ctx.regions.get(r.value.homeCountyCode)?.name ?? ""}”不在您的辖区内` });
      const key = `${r.value.name}|${r.value.phone}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ row: r.row, column: col.phone, message: `与第${first}行是同一人` });
      else seen.set(key, r.row);
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    for (const r of rows) await insertExpert(tx, ctx, actor, r.value);
    return rows.length;
  },
};
