import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import { PassThrough, type Readable } from "node:stream";

export type XlsxColumn<T> = { header: string; width?: number; value: (row: T) => string | number | boolean | null | undefined };

/** Builds one sheet with a bold, frozen header row: the shape union staff expect from an export. */
export async function buildXlsx<T>(sheetName: string, columns: XlsxColumn<T>[], rows: Iterable<T>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "匠心 Jiangxin";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The same sheet written as it is produced: rows are added page by page and leave as compressed bytes
 * (exceljs' streaming writer), so a 50,000-row export neither sits whole in memory nor holds the event
 * loop while one big workbook is built.
 */
export function xlsxWriter<T>(sheetName: string, columns: XlsxColumn<T>[]) {
  const stream = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  wb.creator = "匠心 Jiangxin";
  const ws = wb.addWorksheet(sheetName, { views: [{ state: "frozen", ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  return {
    stream: stream as Readable,
    add(rows: Iterable<T>) {
      for (const row of rows) ws.addRow(columns.map((c) => c.value(row) ?? null)).commit();
    },
    async finish() {
      ws.commit();
      await wb.commit();
    },
  };
}

/** RFC 5987 filename so Chinese names survive every browser. */
export function sendXlsx(reply: FastifyReply, filename: string, data: Buffer | Readable) {
  return reply
    .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    .header("content-disposition", `attachment; filename="export.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(data);
}

/** Reads the first sheet as header → cell text maps, with the spreadsheet row number of each. */
export async function readXlsxRows(data: Buffer): Promise<{ headers: string[]; rows: { row: number; cells: Record<string, string> }[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return { headers: [], rows: [] };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = cellText(cell.value).trim();
  });
  const rows: { row: number; cells: Record<string, string> }[] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Record<string, string> = {};
    let any = false;
    headers.forEach((h, i) => {
      if (!h) return;
      const text = cellText(r.getCell(i + 1).value).trim();
      if (text) any = true;
      cells[h] = text;
    });
    if (any) rows.push({ row: rowNumber, cells });
  });
  return { headers: headers.filter(Boolean), rows };
}

/** Cell values come as numbers, dates, rich text or formulas; imports want what the user sees. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === "object") {
    if ("richText" in v) return v.richText.map((t) => t.text).join("");
    if ("text" in v && typeof v.text === "string") return v.text;
    if ("result" in v) return cellText(v.result);
  }
  return "";
}
