import { unionFormationLabels, unionInputSchema, type ImportRowError, type UnionFormation, type UnionValues } from "@jiangxin/domain";
import { and, eq, inArray } from "drizzle-orm";
import { coversCounty } from "../../platform/access";
import { AppError } from "../../platform/errors";
import { countyChoices } from "../../platform/imports/columnChoices";
import type { ImportSpec } from "../../platform/imports/importSpec";
import { resolveCounty } from "../../platform/imports/resolveCounty";
import { rowErrors } from "../../platform/imports/zodIssuesToColumns";
import { enterprises } from "../enterprises";
import { insertUnion } from "./service";
import { unions } from "./tables";
import { federationOf } from "./tree";

const col = {
  name: "工会名称",
  kind: "工会类别",
  formation: "建会方式",
  county: "所在县(市、区)",
  parent: "上级工会",
  foundedOn: "成立日期",
  chair: "工会主席",
  members: "会员人数",
  usccs: "覆盖企业统一社会信用代码",
} as const;

const columnOf: Record<string, string> = {
  name: col.name,
  kind: col.kind,
  formation: col.formation,
  regionCode: col.county,
  parentId: col.parent,
  foundedOn: col.foundedOn,
  chairName: col.chair,
  memberCount: col.members,
  enterpriseIds: col.usccs,
};

const kindByLabel = new Map([
  ["基层工会", "grassroots"],
  ["产业工会", "industry"],
]);
const formationByLabel = new Map<string, UnionFormation>(Object.entries(unionFormationLabels).flatMap(([k, v]) => [[v, k as UnionFormation], [v.replace("建会", "建"), k as UnionFormation]]));

/**
 * A row as read. The parent (by name: an existing union, or one on an earlier row of the same file;
 * blank = the county's federation) and the covered enterprises (by 统一社会信用代码) are resolved by
 * checkAll against the database, which fills `parentId`/`parentRow` and `enterpriseIds`.
 */
type UnionRowValue = Omit<UnionValues, "parentId" | "enterpriseIds"> & {
  parentName: string;
  usccs: string[];
  parentId?: string;
  parentRow?: number;
  enterpriseIds: string[];
};

/** Placeholder id so zod checks every other field before the parent is resolved. */
const pendingId = "00000000-0000-4000-8000-000000000000";

export const unionImport: ImportSpec<UnionRowValue> = {
  kind: "unions",
  sheetName: "工会组织",
  columns: [
    { header: col.name, required: true, note: "4–100字；同一上级工会下不重名", example: "千岛湖精工机械有限公司工会委员会" },
    { header: col.kind, required: true, note: "基层工会/产业工会", example: "基层工会", choices: ["基层工会", "产业工会"] },
    { header: col.formation, required: false, note: "基层工会必填：单独建会/联合建会/区域建会/覆盖建会", example: "单独建会", choices: Object.values(unionFormationLabels) },
    { header: col.county, required: true, note: "县(市、区)名称或6位区划代码", example: "淳安县", choices: countyChoices },
    { header: col.parent, required: false, note: "已有工会或本表前面行的工会名称；不填则为所在县(市、区)总工会", example: "" },
    { header: col.foundedOn, required: false, note: "YYYY-MM-DD", example: "2015-05-01" },
    { header: col.chair, required: false, note: "", example: "方建华" },
    { header: col.members, required: false, note: "整数，不填为0", example: "120" },
    { header: col.usccs, required: false, note: "多家用逗号或顿号分隔；单独建会填1家，联合建会至少2家", example: "91330127MA2XXXXXXX" },
  ],
  parseRow(cells, ctx) {
    const own: Omit<ImportRowError, "row">[] = [];
    const countyText = cells[col.county] ?? "";
    const county = countyText ? resolveCounty(countyText, ctx.regions) : undefined;
    if (county && !county.ok) own.push({ column: col.county, message: county.message });
    const kindText = cells[col.kind] ?? "";
    const kind = kindByLabel.get(kindText);
    if (kindText && !kind) own.push({ column: col.kind, message: "请填写“基层工会”或“产业工会”" });
    const formationText = cells[col.formation] ?? "";
    const formation = formationText ? formationByLabel.get(formationText) : null;
    if (formationText && !formation) own.push({ column: col.formation, message: "请填写单独建会、联合建会、区域建会或覆盖建会" });
    const membersText = (cells[col.members] ?? "").trim();
    const members = membersText === "" ? 0 : /^\d+$/.test(membersText) ? Number(membersText) : NaN;
    if (Number.isNaN(members)) own.push({ column: col.members, message: "会员人数应为整数" });
    const usccs = (cells[col.usccs] ?? "").split(/[,，、;；\s]+/).map((s) => s.trim().toUpperCase()).filter(Boolean);
    const parsed = unionInputSchema.safeParse({
      name: cells[col.name] ?? "",
      kind: kind ?? kindText,
      formation: formation ?? null,
      regionCode: county?.ok ? county.code : undefined,
      parentId: pendingId,
      foundedOn: (cells[col.foundedOn] ?? "").trim() || null,
      chairName: (cells[col.chair] ?? "").trim() || null,
      memberCount: Number.isNaN(members) ? 0 : members,
      // One placeholder per USCC, so the count rules (单独建 one, 联合建 two or more) are checked here.
      enterpriseIds: usccs.map((_, i) => `00000000-0000-4000-8000-${String(i + 1).padStart(12, "0")}`),
    });
    const errors = rowErrors(own, parsed, columnOf);
    if (!parsed.success || errors.length > 0) return { ok: false, errors };
    const { parentId: _p, enterpriseIds: _e, ...rest } = parsed.data;
    return { ok: true, value: { ...rest, parentName: (cells[col.parent] ?? "").trim(), usccs, enterpriseIds: [] } };
  },
  async checkAll(rows, ctx, actor) {
    const { db } = ctx.database;
    const errors: ImportRowError[] = [];
    const rowOfName = new Map<string, number>();
    const seen = new Map<string, number>();
    for (const r of rows) {
      const v = r.value;
      const regionName = ctx.regions.get(v.regionCode)?.name ?? v.regionCode;
      if (actor.scope.kind !== "union" && !coversCounty(actor, v.regionCode)) errors.push({ row: r.row, column: col.county, message: `“${regionName}”不在您的辖区内` });

      // The parent: an earlier row of this file, else an existing union by exact name (the one whose
      // region contains the row's when names repeat), else, left blank, the county's federation.
      const earlier = v.parentName ? rowOfName.get(v.parentName) : undefined;
      if (earlier !== undefined) v.parentRow = earlier;
      else if (!v.parentName) {
        v.parentId = (await federationOf(db, v.regionCode))?.id;
        if (!v.parentId) errors.push({ row: r.row, column: col.parent, message: `找不到“${regionName}”总工会，请填写上级工会` });
      } else {
        const candidates = await db.select({ id: unions.id, regionCode: unions.regionCode }).from(unions).where(eq(unions.name, v.parentName));
        const fitting = candidates.filter((c) => ctx.regions.isWithin(v.regionCode, c.regionCode));
        if (fitting.length === 1) v.parentId = fitting[0]?.id;
        else if (fitting.length > 1) errors.push({ row: r.row, column: col.parent, message: `“${v.parentName}”有重名，无法确定上级工会` });
        else errors.push({ row: r.row, column: col.parent, message: candidates.length > 0 ? `上级工会“${v.parentName}”不在“${regionName}”或其上级区划` : `找不到上级工会“${v.parentName}”` });
      }
      if (actor.scope.kind === "union" && v.parentRow === undefined && v.parentId && !actor.scope.unionIds.includes(v.parentId)) {
        errors.push({ row: r.row, column: col.parent, message: "只能在本工会之下导入工会" });
      }

      // The same name twice under one parent, within the file or against the database.
      const key = `${v.parentRow !== undefined ? `row${v.parentRow}` : (v.parentId ?? "")}/${v.name}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push({ row: r.row, column: col.name, message: `与第${first}行重复` });
      else seen.set(key, r.row);
      if (v.parentId) {
        const [taken] = await db.select({ id: unions.id }).from(unions).where(and(eq(unions.parentId, v.parentId), eq(unions.name, v.name)));
        if (taken) errors.push({ row: r.row, column: col.name, message: "同一上级工会下已有同名工会" });
      }
      if (!rowOfName.has(v.name)) rowOfName.set(v.name, r.row);
    }

    // Covered enterprises by USCC, all at once; each must exist and lie in the union's region.
    const allUsccs = [...new Set(rows.flatMap((r) => r.value.usccs))];
    const byUscc = new Map<string, { id: string; countyCode: string }>();
    for (let i = 0; i < allUsccs.length; i += 1000) {
      const found = await db.select({ id: enterprises.id, uscc: enterprises.uscc, countyCode: enterprises.countyCode }).from(enterprises).where(inArray(enterprises.uscc, allUsccs.slice(i, i + 1000)));
      for (const e of found) byUscc.set(e.uscc, e);
    }
    for (const r of rows) {
      for (const u of r.value.usccs) {
        const e = byUscc.get(u);
        if (!e) errors.push({ row: r.row, column: col.usccs, message: `统一社会信用代码“${u}”的企业尚未登记` });
        else if (!ctx.regions.isWithin(e.countyCode, r.value.regionCode)) errors.push({ row: r.row, column: col.usccs, message: `“${u}”的企业不在所填县(市、区)` });
        else r.value.enterpriseIds.push(e.id);
      }
    }
    return errors;
  },
  async saveAll(tx, rows, ctx, actor) {
    const idOfRow = new Map<number, string>();
    for (const r of rows) {
      const { parentName: _n, usccs: _u, parentRow, parentId, ...v } = r.value;
      const parent = parentRow !== undefined ? idOfRow.get(parentRow) : parentId;
      if (!parent) throw new AppError("VALIDATION_FAILED", `第${r.row}行：上级工会未能确定`);
      try {
        idOfRow.set(r.row, await insertUnion(tx, ctx, actor, { ...v, parentId: parent }, false));
      } catch (err) {
        // The checks above catch nearly everything; what is left (a name taken under the parent, a
        // misplaced parent) fails the whole file with its row named.
        if (err instanceof AppError) throw new AppError(err.code, `第${r.row}行：${err.message}`, err.fields);
        throw err;
      }
    }
    return rows.length;
  },
};
