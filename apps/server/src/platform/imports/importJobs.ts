import type { ImportJob, ImportRowError } from "@jiangxin/domain";
import { randomUUID } from "node:crypto";
import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import type { Actor } from "../actor";
import { auditActorOf, writeAudit } from "../audit/writeAudit";
import type { AppContext } from "../context";
import { AppError } from "../errors";
import { readXlsxRows } from "../xlsx";
import type { ImportSpec, ParsedRow } from "./importSpec";

type StoredJob = ImportJob & { userId: string; finishedAt?: number };

/**
 * Jobs live in this process's memory: an import is watched by the person who started it, for the
 * minutes it runs; a restart loses only the progress display, never data (saving is one transaction).
 */
const jobs = new Map<string, StoredJob>();
const keepFinishedMs = 60 * 60 * 1000;
/** More errors than this are not listed: the file needs fixing as a whole by then. */
const maxErrors = 500;

function forget(now: number) {
  for (const [id, job] of jobs) if (job.finishedAt && now - job.finishedAt > keepFinishedMs) jobs.delete(id);
}

export function getImportJob(actor: Actor, id: string): ImportJob {
  const job = jobs.get(id);
  if (!job || job.userId !== actor.userId) throw new AppError("NOT_FOUND", "导入任务不存在或已过期");
  const { userId: _u, finishedAt: _f, ...visible } = job;
  return visible;
}

export function startImport<T>(ctx: AppContext, actor: Actor, spec: ImportSpec<T>, file: Buffer): ImportJob {
  forget(Date.now());
  const job: StoredJob = { id: randomUUID(), kind: spec.kind, status: "checking", total: 0, checked: 0, imported: 0, errors: [], message: null, userId: actor.userId };
  jobs.set(job.id, job);
  void runImport(ctx, actor, spec, file, job).catch((err: unknown) => {
    job.status = "failed";
    job.message = err instanceof AppError ? err.message : "导入失败：服务器内部错误，数据未作任何修改";
    job.finishedAt = Date.now();
  });
  return getImportJob(actor, job.id);
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
  if (sheet.rows.length === 0) throw new AppError("BAD_REQUEST", "文件中没有数据行");
  job.total = sheet.rows.length;

  const errors: ImportRowError[] = [];
  const parsed: ParsedRow<T>[] = [];
  for (const [i, r] of sheet.rows.entries()) {
    const result = spec.parseRow(r.cells, ctx, actor);
    if (result.ok) parsed.push({ row: r.row, value: result.value });
    else errors.push(...result.errors.map((e) => ({ row: r.row, ...e })));
    job.checked = i + 1;
    // Let progress polls and other requests through on big files.
    if (i % 200 === 199) await yieldToEventLoop();
  }
  errors.push(...(await spec.checkAll(parsed, ctx, actor)));
  if (errors.length > 0) {
    job.errors = errors.sort((a, b) => a.row - b.row).slice(0, maxErrors);
    job.status = "failed";
    job.message = `${new Set(errors.map((e) => e.row)).size}行数据有误(共${errors.length}处)，未导入任何数据；请改正后重新上传`;
    job.finishedAt = Date.now();
    return;
  }

  job.status = "saving";
  const imported = await ctx.database.db.transaction(async (tx) => {
    const n = await spec.saveAll(tx, parsed, ctx, actor);
    await writeAudit(tx, auditActorOf(actor), { action: `import.${spec.kind}`, objectType: spec.kind, detail: { rows: n } });
    return n;
  });
  job.imported = imported;
  job.status = "done";
  job.finishedAt = Date.now();
}
