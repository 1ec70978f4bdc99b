import type { ImportJob, ImportMode, ImportRowError } from "@jiangxin/domain";
import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import { readXlsxRows } from "../xlsx";
import { cellMessage } from "./cellMessage";
import { columnChoices } from "./columnChoices";
import type { ImportSpec, ParsedRow } from "./importSpec";

type SheetRow = { row: number; cells: Record<string, string> };
type StoredJob = ImportJob & { userId: string; finishedAt?: number; headers: string[]; badRows: SheetRow[]; allErrors: ImportRowError[] };

/**
 * Jobs live in this process's memory: an import is watched by the person who started it, for the
 * minutes it runs; a restart loses only the progress display and the error file, never data (saving
 * is one transaction).
 */
const jobs = new Map<string, StoredJob>();
const keepFinishedMs = 60 * 60 * 1000;
/** More errors than this are not listed on screen: the error file has every bad row by then. */
const maxErrors = 500;
/** Partial mode re-checks the good rows after dropping the bad ones (a union whose parent row was bad); never more often than this. */
const maxPasses = 3;

function forget(now: number) {
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > keepFinishedMs) jobs.delete(id);
}

function storedJob(actor: Actor, id: string): StoredJob {
  const job = jobs.get(id);
  if (!job || job.userId !== actor.userId) throw new AppError("NOT_FOUND", "导入任务不存在或已过期");
  return job;
}

export function getImportJob(actor: Actor, id: string): ImportJob {
  const { userId: _u, finishedAt: _f, headers: _h, badRows: _b, allErrors: _a, ...visible } = storedJob(actor, id);
  return visible;
}

/** The bad rows as they were uploaded, with 原行号 and 错误原因, for fixing and uploading again. */
export function importErrorRows(actor: Actor, id: string): { kind: ImportJob["kind"]; headers: string[]; rows: (SheetRow & { reason: string })[] } {
  const job = storedJob(actor, id);
  if (job.status !== "done" && job.status !== "failed") throw new AppError("CONFLICT", "导入尚未完成");
  const reasons = new Map<number, string[]>();
  for (const e of job.allErrors) reasons.set(e.row, [...(reasons.get(e.row) ?? []), `「${e.column}」：${e.message}`]);
  return { kind: job.kind, headers: job.headers, rows: job.badRows.map((r) => ({ ...r, reason: (reasons.get(r.row) ?? []).join("；") })) };
}

export function startImport<T>(ctx: AppContext, actor: Actor, spec: ImportSpec<T>, file: Buffer, mode: ImportMode = "all"): ImportJob {
  forget(Date.now());
  const job: StoredJob = {
    id: randomUUID(),
    kind: spec.kind,
    mode,
    status: "checking",
    total: 0,
    checked: 0,
    imported: 0,
    skipped: 0,
    errorRows: 0,
    exampleRows: 0,
    errors: [],
    message: null,
    userId: actor.userId,
    headers: [],
    badRows: [],
    allErrors: [],
  };
  jobs.set(job.id, job);
  void runImport(ctx, actor, spec, file, job).catch((err: unknown) => {
    job.status = "failed";
    job.imported = 0;
    job.message = err instanceof AppError ? err.message : "导入失败：服务器内部错误，数据未作任何修改";
    job.finishedAt = Date.now();
  });
  return getImportJob(actor, job.id);
}

/**
 * An old template's example row, as downloaded before templates lost it: every filled cell equal to
 * its column's example but at most one (an example may have changed since, as 联系电话 did). Three
 * matching cells at least, so a sparse real row is never taken for one.
 */
function isExampleRow<T>(spec: ImportSpec<T>, cells: Record<string, string>): boolean {
  const filled = spec.columns.filter((c) => (cells[c.header] ?? "") !== "");
  const same = filled.filter((c) => c.example !== "" && cells[c.header] === c.example).length;
  return same >= 3 && filled.length - same <= 1;
}

/** Parses and checks rows; errors are rewritten for the cell they are about. */
async function check<T>(ctx: AppContext, actor: Actor, spec: ImportSpec<T>, rows: SheetRow[], job: StoredJob, first: boolean) {
  const choicesOf = new Map(await Promise.all(spec.columns.map(async (c) => [c.header, await columnChoices(c, ctx, actor)] as const)));
  const errors: ImportRowError[] = [];
  const parsed: ParsedRow<T>[] = [];
  for (const [i, r] of rows.entries()) {
    const result = spec.parseRow(r.cells, ctx, actor);
    if (result.ok) parsed.push({ row: r.row, value: result.value });
    else errors.push(...result.errors.map((e) => ({ row: r.row, column: e.column, message: cellMessage(e.message, r.cells[e.column] ?? "", choicesOf.get(e.column) ?? []) })));
    if (first) job.checked = i + 1;
    // Let progress polls and other requests through on big files.
    if (i % 200 === 199) await yieldToEventLoop();
  }
  errors.push(...(await spec.checkAll(parsed, ctx, actor)));
  return { parsed, errors };
}

async function runImport<T>(ctx: AppContext, actor: Actor, spec: ImportSpec<T>, file: Buffer, job: StoredJob): Promise<void> {
  let sheet: Awaited<ReturnType<typeof readXlsxRows>>;
  try {
    sheet = await readXlsxRows(file);
  } catch {
    throw new AppError("BAD_REQUEST", "无法读取该文件：请上传由模板填写的 .xlsx 文件");
  }
  const missing = spec.columns.filter((c) => c.required && !sheet.headers.includes(c.header)).map((c) => c.header);
  if (missing.length > 0) throw new AppError("BAD_REQUEST", `表头缺少列：${missing.join("、")}。请使用下载的模板`);
  job.headers = spec.columns.map((c) => c.header).filter((h) => sheet.headers.includes(h));
  const rows = sheet.rows.filter((r) => !isExampleRow(spec, r.cells));
  job.exampleRows = sheet.rows.length - rows.length;
  if (rows.length === 0) throw new AppError("BAD_REQUEST", job.exampleRows > 0 ? "文件中只有模板示例行，没有要导入的数据" : "文件中没有数据行");
  job.total = rows.length;

  let { parsed, errors } = await check(ctx, actor, spec, rows, job, true);
  const bad = new Set(errors.map((e) => e.row));
  const allErrors = [...errors];
  if (job.mode === "partial") {
    // Dropping bad rows can break good ones that leaned on them (a parent on a bad row): check again.
    for (let pass = 1; pass < maxPasses && errors.length > 0 && bad.size < rows.length; pass++) {
      ({ parsed, errors } = await check(ctx, actor, spec, rows.filter((r) => !bad.has(r.row)), job, false));
      for (const e of errors) bad.add(e.row);
      allErrors.push(...errors);
    }
    if (errors.length > 0) parsed = [];
  }
  const examples = job.exampleRows > 0 ? `；已跳过${job.exampleRows}行模板示例` : "";
  job.allErrors = allErrors.sort((a, b) => a.row - b.row);
  job.errors = job.allErrors.slice(0, maxErrors);
  job.badRows = rows.filter((r) => bad.has(r.row));
  job.errorRows = job.badRows.length;
  if (bad.size > 0 && (job.mode === "all" || parsed.length === 0)) {
    job.status = "failed";
    job.skipped = bad.size;
    job.message =
      job.mode === "all"
        ? `${bad.size}行数据有误(共${allErrors.length}处)，未导入任何数据；请改正后重新上传${examples}`
        : `${bad.size}行数据全部有误(共${allErrors.length}处)，未导入任何数据${examples}`;
    job.finishedAt = Date.now();
    return;
  }

  job.status = "saving";
  const imported = await ctx.database.db.transaction(async (tx) => {
    const n = await spec.saveAll(tx, parsed, ctx, actor);
    await writeAudit(tx, auditActorOf(actor), { action: `import.${spec.kind}`, objectType: spec.kind, detail: { rows: n, ...(bad.size > 0 ? { skippedRows: bad.size } : {}) } });
    return n;
  });
  job.imported = imported;
  job.skipped = bad.size;
  job.status = "done";
  job.message = bad.size > 0 ? `已导入${parsed.length}行；${bad.size}行有误未导入，可下载“错误行”改正后重新导入${examples}` : examples ? examples.slice(1) : null;
  job.finishedAt = Date.now();
}
