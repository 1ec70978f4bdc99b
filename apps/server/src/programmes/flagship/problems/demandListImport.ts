import { problemInputSchema, trainingNeedInputSchema, trades, urgencyLabels, type DemandListInput, type ImportRowError, type ProblemInput } from "@jiangxin/domain";
import { and, inArray } from "drizzle-orm";
import type { z } from "zod";
import { scopeCondition } from "../../../platform/access";
import { enterprises } from "../../../masterData/enterprises";
import { insertDemandList } from "./demandListService";
import type { ImportSpec } from "../../../platform/imports/importSpec";
import { labelLookup } from "../../../platform/imports/labelLookup";
import { zodIssuesToColumns } from "../../../platform/imports/zodIssuesToColumns";

const col = { uscc: "企业统一社会信用代码", type: "类型", title: "难题标题或培训主题", description: "难题描述", trade: "工种", urgency: "紧急程度", workers: "培训人数", teamSize: "需要专家人数" } as const;

type Row = { uscc: string; problem?: ProblemInput; trainingNeed?: z.infer<typeof trainingNeedInputSchema> };

const tradeOf = labelLookup(trades);
const urgencyOf = labelLookup(urgencyLabels);

/** One row per problem or training need; rows of the same enterprise become one demand list. */
export const demandListImport: ImportSpec<Row> = {
  kind: "demandLists",
  sheetName: "需求清单",
  columns: [
    { header: col.uscc, required: true, note: "已登记企业的代码", example: "91350100M000100Y43" },
    { header: col.type, required: true, note: "难题/培训需求", example: "难题", choices: ["难题", "培训需求"] },
    { header: col.title, required: true, note: "", example: "不锈钢管道焊缝气孔缺陷" },
    { header: col.description, required: false, note: "难题必填，至少10字", example: "焊后探伤发现气孔，返修率高，影响交货" },
    { header: col.trade, required: false, note: "难题必填，如 焊工", example: "焊工", choices: Object.values(trades) },
    { header: col.urgency, required: false, note: "不急/一般/紧急/特急，默认一般", example: "紧急", choices: Object.values(urgencyLabels) },
    { header: col.workers, required: false, note: "培训需求必填", example: "" },
    // Last, so a template downloaded before this column existed still imports (as teams of one).
    { header: col.teamSize, required: false, note: "难题选填，1–3人，默认1", example: "1", choices: ["1", "2", "3"] },
  ],
  parseRow(cells) {
    const uscc = (cells[col.uscc] ?? "").trim().toUpperCase();
    const own: Omit<ImportRowError, "row">[] = [];
    if (!uscc) own.push({ column: col.uscc, message: "此项为必填项" });
    const type = cells[col.type] ?? "";
    if (type === "难题") {
      const tradeText = cells[col.trade] ?? "";
      const trade = tradeOf(tradeText);
      if (tradeText && !trade) own.push({ column: col.trade, message: `“${tradeText}”不在工种目录中` });
      const urgencyText = cells[col.urgency] ?? "";
      const urgency = urgencyText ? urgencyOf(urgencyText) : "normal";
      if (!urgency) own.push({ column: col.urgency, message: "紧急程度应为不急、一般、紧急或特急" });
      const teamSizeText = (cells[col.teamSize] ?? "").trim();
      const teamSize = teamSizeText ? Number(teamSizeText) : 1;
      const parsed = problemInputSchema.safeParse({ title: cells[col.title] ?? "", description: cells[col.description] ?? "", trade, urgency, teamSize });
      const columns = { title: col.title, description: col.description, trade: col.trade, urgency: col.urgency, teamSize: col.teamSize };
      const errors = [...own, ...(parsed.success ? [] : zodIssuesToColumns(parsed.error, columns).filter((e) => !own.some((o) => o.column === e.column)))];
      return parsed.success && errors.length === 0 ? { ok: true, value: { uscc, problem: parsed.data } } : { ok: false, errors };
    }
    if (type === "培训需求") {
      const workersText = cells[col.workers] ?? "";
      const parsed = trainingNeedInputSchema.safeParse({ topic: cells[col.title] ?? "", workers: workersText ? Number(workersText) : undefined });
      const errors = [...own, ...(parsed.success ? [] : zodIssuesToColumns(parsed.error, { topic: col.title, workers: col.workers }))];
      return parsed.success && errors.length === 0 ? { ok: true, value: { uscc, trainingNeed: parsed.data } } : { ok: false, errors };
    }
    return { ok: false, errors: [...own, { column: col.type, message: "类型应为“难题”或“培训需求”" }] };
  },
  async checkAll(rows, ctx, actor) {
    const codes = [...new Set(rows.map((r) => r.value.uscc))];
    const found = new Set<string>();
    const scope = scopeCondition(actor, { county: enterprises.countyCode, enterprise: enterprises.id });
    for (let i = 0; i < codes.length; i += 1000) {
      const hits = await ctx.database.db.select({ uscc: enterprises.uscc }).from(enterprises).where(and(scope, inArray(enterprises.uscc, codes.slice(i, i + 1000))));
      for (const h of hits) found.add(h.uscc);
    }
    return rows.filter((r) => !found.has(r.value.uscc)).map((r) => ({ row: r.row, column: col.uscc, message: "找不到该企业，或不在您的辖区内；请先登记企业" }));
  },
  async saveAll(tx, rows, ctx, actor) {
    const ids = new Map((await tx.select({ id: enterprises.id, uscc: enterprises.uscc }).from(enterprises).where(inArray(enterprises.uscc, [...new Set(rows.map((r) => r.value.uscc))]))).map((e) => [e.uscc, e.id]));
    const lists = new Map<string, DemandListInput>();
    for (const r of rows) {
      const enterpriseId = ids.get(r.value.uscc) ?? "";
      const list = lists.get(enterpriseId) ?? { enterpriseId, problems: [], trainingNeeds: [] };
      if (r.value.problem) list.problems.push(r.value.problem);
      if (r.value.trainingNeed) list.trainingNeeds.push(r.value.trainingNeed);
      lists.set(enterpriseId, list);
    }
    for (const list of lists.values()) await insertDemandList(tx, ctx, actor, list);
    return rows.length;
  },
};
