import ExcelJS from "exceljs";
import type { Actor } from "../actor";
import type { AppContext } from "../context";
import { columnChoices } from "./columnChoices";
import type { ImportSpec } from "./importSpec";

/** Rows that get the drop-downs; a file longer than this still imports, the extra rows just lack the list. */
export const templateRows = 5000;
export const notesSheetName = "填写说明";
const choicesSheetName = "可选值";

type DataValidations = { add(address: string, validation: ExcelJS.DataValidation): void };

function columnLetter(n: number): string {
  let s = "";
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

/**
 * The template union staff fill in: the data sheet first (the one the import reads) with only the
 * header — no example row that could be imported as a real record — and a drop-down on every column
 * with a fixed list of values; a 填写说明 sheet with each column's rule, accepted values and an example;
 * the lists themselves on a hidden 可选值 sheet (Excel limits a typed-in list to 255 characters).
 */
export async function buildImportTemplate(spec: ImportSpec<never>, ctx: AppContext, actor: Actor): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "匠心 Jiangxin";
  const ws = wb.addWorksheet(spec.sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = spec.columns.map((c) => ({ header: c.header, width: Math.max(14, c.header.length * 2 + 4) }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    if (c.required) cell.font = { bold: true, color: { argb: "FFC00000" } };
    cell.note = `${c.required ? "必填" : "选填"}${c.note ? `：${c.note}` : ""}${c.example ? `\n示例：${c.example}` : ""}`;
  });
  // Text format, so 18-digit codes and phone numbers are not turned into 9.13501E+17.
  spec.columns.forEach((_, i) => (ws.getColumn(i + 1).numFmt = "@"));

  const notes = wb.addWorksheet(notesSheetName);
  notes.columns = [
    { header: "列名", width: 22 },
    { header: "是否必填", width: 10 },
    { header: "填写要求", width: 44 },
    { header: "可选值", width: 60 },
    { header: "示例(仅供参考，请勿填入第一张表)", width: 36 },
  ];
  notes.getRow(1).font = { bold: true };
  notes.addRow([`请在第一张表「${spec.sheetName}」中从第2行起填写，一行一条；本表不会被导入。带下拉箭头的列请从列表中选择。`]);
  notes.mergeCells(2, 1, 2, 5);

  const lists = wb.addWorksheet(choicesSheetName, { state: "veryHidden" });
  const validations = (ws as unknown as { dataValidations: DataValidations }).dataValidations;
  let listColumn = 0;
  const choicesOf = await Promise.all(spec.columns.map((c) => columnChoices(c, ctx, actor)));
  spec.columns.forEach((c, i) => {
    const choices = choicesOf[i] ?? [];
    notes.addRow([c.header, c.required ? "必填" : "选填", c.note, choices.join("、"), c.example]);
    if (choices.length === 0) return;
    listColumn += 1;
    const letter = columnLetter(listColumn);
    lists.getCell(`${letter}1`).value = c.header;
    choices.forEach((v, j) => (lists.getCell(`${letter}${j + 2}`).value = v));
    const target = columnLetter(i + 1);
    validations.add(`${target}2:${target}${templateRows + 1}`, {
      type: "list",
      allowBlank: !c.required,
      formulae: [`'${choicesSheetName}'!$${letter}$2:$${letter}$${choices.length + 1}`],
      showErrorMessage: true,
      // Several values in one cell cannot be picked from a list: suggest, and let the import judge.
      errorStyle: c.multiple ? "information" : "stop",
      errorTitle: c.header,
      error: c.multiple ? "可从列表选择一项，多项请用、分隔后直接输入" : `请从下拉列表中选择${c.header}`,
    });
  });
  notes.getColumn(3).alignment = { wrapText: true, vertical: "top" };
  notes.getColumn(4).alignment = { wrapText: true, vertical: "top" };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
