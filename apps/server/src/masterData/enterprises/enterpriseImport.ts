import { enterpriseInputSchema, enterpriseSizeLabels, industrySections, type EnterpriseInput, type ImportRowError } from "@jiangxin/domain";
import { inArray } from "drizzle-orm";
import { coversCounty } from "../../platform/access";
import { enterprises } from "./tables";
import { insertEnterprise } from "./service";
import { countyChoices } from "../../platform/imports/columnChoices";
import type { ImportSpec } from "../../platform/imports/importSpec";
import { resolveCounty } from "../../platform/imports/resolveCounty";
import { rowErrors } from "../../platform/imports/zodIssuesToColumns";

const col = {
  uscc: "统一社会信用代码",
  name: "企业名称",
  industry: "行业门类",
  county: "所在县(市、区)",
  size: "企业规模",
  nonPublic: "是否非公企业",
  contactName: "联系人",
  contactPhone: "联系电话",
  address: "详细地址",
} as const;

const columnOf: Record<keyof EnterpriseInput, string> = {
  uscc: col.uscc,
  name: col.name,
  industry: col.industry,
  countyCode: col.county,
  size: col.size,
  nonPublic: col.nonPublic,
  contactName: col.contactName,
  contactPhone: col.contactPhone,
  address: col.address,
};

const sizeByLabel = new Map(Object.entries(enterpriseSizeLabels).map(([k, v]) => [v, k]));

/** "C", "C 制造业" or "制造业" all mean section C. */
function industryOf(text: string): string {
  const t = text.trim();
  const letter = t.slice(0, 1).toUpperCase();
  if (letter in industrySections && (t.length === 1 || /^[A-Ta-t][\s\u3000]/.test(t))) return letter;
  const byName = Object.entries(industrySections).find(([, name]) => name === t);
  return byName ? byName[0] : t;
}

export const enterpriseImport: ImportSpec<EnterpriseInput> = {
  kind: "enterprises",
  sheetName: "企业",
  columns: [
    { header: col.uscc, required: true, note: "18位，按GB 32100校验", example: "91350100M000100Y43" },
    { header: col.name, required: true, note: "2–100字", example: "淳安某精密机械有限公司" },
    { header: col.industry, required: true, note: "国民经济行业门类：从下拉列表选择，或填字母A–T、门类名称", example: "C 制造业", choices: Object.entries(industrySections).map(([k, v]) => `${k} ${v}`) },
    { header: col.county, required: true, note: "县(市、区)名称或6位区划代码", example: "淳安县", choices: countyChoices },
    { header: col.size, required: true, note: "大型/中型/小型/微型", example: "小型", choices: Object.values(enterpriseSizeLabels) },
    { header: col.nonPublic, required: true, note: "是/否", example: "是", choices: ["是", "否"] },
    { header: col.contactName, required: true, note: "", example: "王经理" },
    { header: col.contactPhone, required: true, note: "11位手机号，或带区号的固定电话(如 0571-88886666)", example: "0571-88886666" },
    { header: col.address, required: false, note: "专家上门服务的地址：街道、门牌号(县区已在上一列)；不超过200字", example: "千岛湖镇新安东路88号" },
  ],
  parseRow(cells, ctx) {
    // Cells that need translating (names to codes, 是/否 to booleans) report their own errors; zod reports the rest.
    const own: Omit<ImportRowError, "row">[] = [];
    const countyText = cells[col.county] ?? "";
    const county = countyText ? resolveCounty(countyText, ctx.regions) : undefined;
    if (county && !county.ok) own.push({ column: col.county, message: county.message });
    const nonPublicText = cells[col.nonPublic] ?? "";
    const nonPublic = nonPublicText === "是" ? true : nonPublicText === "否" ? false : undefined;
    if (nonPublicText && nonPublic === undefined) own.push({ column: col.nonPublic, message: "请填写“是”或“否”" });
    const parsed = enterpriseInputSchema.safeParse({
      uscc: cells[col.uscc] ?? "",
      name: cells[col.name] ?? "",
      industry: industryOf(cells[col.industry] ?? ""),
      countyCode: county?.ok ? county.code : undefined,
      size: sizeByLabel.get(cells[col.size] ?? "") ?? cells[col.size],
      nonPublic,
      contactName: cells[col.contactName] ?? "",
      contactPhone: cells[col.contactPhone] ?? "",
      address: cells[col.address] ? cells[col.address] : undefined,
    });
    const errors = rowErrors(own, parsed, columnOf);
    return parsed.success && errors.length === 0 ? { ok: true, value: parsed.data } : { ok: false, errors };
  },
  async checkAll(rows, ctx, actor) {
    const errors: ImportRowError[] = [];
    const seen = new Map<string, number>();
    for (const r of rows) {
      if (!coversCounty(actor, r.value.countyCode)) {
        errors.push({ row: r.row, column: col.county, message: `“${ctx.regions.get(r.value.countyCode)?.name ?? r.value.countyCode}”不在您的辖区内` });
      }
      const first = seen.get(r.value.uscc);
      if (first !== undefined) errors.push({ row: r.row, column: col.uscc, message: `与第${first}行重复` });
      else seen.set(r.value.uscc, r.row);
    }
    const codes = [...seen.keys()];
    for (let i = 0; i < codes.length; i += 1000) {
      const existing = await ctx.database.db.select({ uscc: enterprises.uscc }).from(enterprises).where(inArray(enterprises.uscc, codes.slice(i, i + 1000)));
      for (const e of existing) errors.push({ row: seen.get(e.uscc) ?? 0, column: col.uscc, message: "该统一社会信用代码已登记" });
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    for (const r of rows) await insertEnterprise(tx, ctx, actor, r.value, false);
    return rows.length;
  },
};
