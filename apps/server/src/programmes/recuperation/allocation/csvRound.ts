import {
  allocate,
  choicesPerApplication,
  drawOrder,
  isEligible,
  LotteryHasher,
  type AllocationInput,
  type AllocationResult,
} from "@jiangxin/domain";
import { ByteKeyIndex } from "./byteKeyIndex";

/**
 * The auditors' file formats (issue 14), read and written as bytes: applicant ids go from the input
 * buffer into SHA-256 and into the output without becoming strings, so 1.5 million rows take about a
 * second. Unions and sessions (thousands) become strings for their lookup tables.
 *
 *   sessions.csv      session_id,capacity
 *   unions.csv        union_id,quota
 *   applications.csv  applicant_id,union_id,group,choice1,choice2,choice3,last_year
 *   allocation.csv    applicant_id,session_id,position   (one row per application, input order)
 */

/** A bad line in one of the files: `file:line: message`. */
export class CsvRoundError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly detail: string,
  ) {
    super(`${file}:${line}: ${detail}`);
  }
}

export type CsvRound = {
  sessionIds: string[];
  input: AllocationInput;
  /** The input buffer and each application's id as `[start, end)` in it. */
  applicationsBuffer: Buffer;
  idStart: Uint32Array;
  idEnd: Uint32Array;
};

const COMMA = 44;
const LF = 10;
const CR = 13;

/** Calls `row(fields, lineNumber)` for each non-empty line after the header (fields as [start, end) pairs). */
function eachLine(
  file: string,
  buf: Buffer,
  header: string,
  fieldCount: number,
  row: (bounds: Int32Array, line: number) => void,
): void {
  let at = buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  const bounds = new Int32Array(fieldCount * 2);
  let line = 0;
  while (at < buf.length) {
    line++;
    let end = buf.indexOf(LF, at);
    if (end < 0) end = buf.length;
    const next = end + 1;
    if (end > at && buf[end - 1] === CR) end--;
    if (line === 1) {
      const got = Buffer.from(buf.buffer, buf.byteOffset + at, end - at).toString("utf8");
      if (got.trim() !== header) throw new CsvRoundError(file, 1, `the header must be "${header}", not "${got}"`);
    } else if (end > at) {
      let f = 0;
      let start = at;
      for (let i = at; i <= end; i++) {
        if (i === end || buf[i] === COMMA) {
          if (f >= fieldCount) throw new CsvRoundError(file, line, `more than ${fieldCount} fields (ids may not contain commas)`);
          bounds[f * 2] = start;
          bounds[f * 2 + 1] = i;
          f++;
          start = i + 1;
        }
      }
      if (f < fieldCount) throw new CsvRoundError(file, line, `${f} fields where ${fieldCount} are expected (${header})`);
      row(bounds, line);
    }
    at = next;
  }
  if (line === 0) throw new CsvRoundError(file, 1, `empty file; the header must be "${header}"`);
}

/** A non-negative decimal integer in `buf[start, end)`, or -1 when it is not one (or empty). */
function parseCount(buf: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 9) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

function text(buf: Buffer, start: number, end: number): string {
  return buf.toString("utf8", start, end);
}

function readIdCounts(file: string, buf: Buffer, header: string, what: string): { ids: string[]; counts: Int32Array; index: Map<string, number> } {
  const ids: string[] = [];
  const counts: number[] = [];
  const index = new Map<string, number>();
  eachLine(file, buf, header, 2, (b, line) => {
    const id = text(buf, b[0]!, b[1]!);
    if (!id) throw new CsvRoundError(file, line, `empty ${what} id`);
    if (index.has(id)) throw new CsvRoundError(file, line, `${what} "${id}" appears twice`);
    const count = parseCount(buf, b[2]!, b[3]!);
    if (count < 0) throw new CsvRoundError(file, line, `"${text(buf, b[2]!, b[3]!)}" is not a whole number ≥ 0`);
    index.set(id, ids.length);
    ids.push(id);
    counts.push(count);
  });
  return { ids, counts: Int32Array.from(counts), index };
}

/** Reads the three input files (their contents given as buffers) into the draw's typed input. */
export function readCsvRound(
  files: { sessions: Buffer; unions: Buffer; applications: Buffer },
  opts: { seed: string; year: number; noRepeatYears: number; names?: { sessions: string; unions: string; applications: string } },
): CsvRound {
  const names = opts.names ?? { sessions: "sessions.csv", unions: "unions.csv", applications: "applications.csv" };
  const sessions = readIdCounts(names.sessions, files.sessions, "session_id,capacity", "session");
  const unions = readIdCounts(names.unions, files.unions, "union_id,quota", "union");

  const buf = files.applications;
  const file = names.applications;
  // Rows ≤ newlines + 1: size the arrays once, trim at the end.
  let max = 1;
  for (let i = buf.indexOf(LF); i >= 0; i = buf.indexOf(LF, i + 1)) max++;
  const union = new Int32Array(max);
  const group = new Int32Array(max);
  const choices = new Int32Array(max * choicesPerApplication);
  const eligible = new Uint8Array(max);
  const lotteryHi = new Uint32Array(max);
  const lotteryLo = new Uint32Array(max);
  const idStart = new Uint32Array(max);
  const idEnd = new Uint32Array(max);
  const lineOf = new Int32Array(max);
  const hasher = new LotteryHasher(opts.seed);
  let n = 0;
  const unionIndex = new ByteKeyIndex(unions.ids);
  const sessionIndex = new ByteKeyIndex(sessions.ids);

  eachLine(file, buf, "applicant_id,union_id,group,choice1,choice2,choice3,last_year", 7, (b, line) => {
    const idS = b[0]!;
    const idE = b[1]!;
    if (idE === idS) throw new CsvRoundError(file, line, "empty applicant_id");
    const u = unionIndex.find(buf, b[2]!, b[3]!);
    if (u < 0) throw new CsvRoundError(file, line, `union "${text(buf, b[2]!, b[3]!)}" is not in ${names.unions}`);
    const g = parseCount(buf, b[4]!, b[5]!);
    if (g < 1 || g > 1000) throw new CsvRoundError(file, line, `group "${text(buf, b[4]!, b[5]!)}" is not a whole number from 1 to 1000`);
    for (let c = 0; c < choicesPerApplication; c++) {
      const s0 = b[6 + c * 2]!;
      const s1 = b[7 + c * 2]!;
      if (s1 === s0) choices[n * choicesPerApplication + c] = -1;
      else {
        const s = sessionIndex.find(buf, s0, s1);
        if (s < 0) throw new CsvRoundError(file, line, `session "${text(buf, s0, s1)}" (choice${c + 1}) is not in ${names.sessions}`);
        choices[n * choicesPerApplication + c] = s;
      }
    }
    let lastYear: number | null = null;
    if (b[13]! > b[12]!) {
      lastYear = parseCount(buf, b[12]!, b[13]!);
      if (lastYear < 1900 || lastYear > 9999) throw new CsvRoundError(file, line, `last_year "${text(buf, b[12]!, b[13]!)}" is not a year`);
    }
    hasher.hashBytes(buf, idS, idE);
    union[n] = u;
    group[n] = g;
    eligible[n] = isEligible(lastYear, opts.year, opts.noRepeatYears) ? 1 : 0;
    lotteryHi[n] = hasher.hi;
    lotteryLo[n] = hasher.lo;
    idStart[n] = idS;
    idEnd[n] = idE;
    lineOf[n] = line;
    n++;
  });

  const input: AllocationInput = {
    sessionCapacity: sessions.counts,
    unionQuota: unions.counts,
    union: union.subarray(0, n),
    group: group.subarray(0, n),
    choices: choices.subarray(0, n * choicesPerApplication),
    eligible: eligible.subarray(0, n),
    lotteryHi: lotteryHi.subarray(0, n),
    lotteryLo: lotteryLo.subarray(0, n),
  };
  rejectDuplicateIds(file, buf, input, idStart, idEnd, lineOf);
  return { sessionIds: sessions.ids, input, applicationsBuffer: buf, idStart: idStart.subarray(0, n), idEnd: idEnd.subarray(0, n) };
}

/** Equal ids have equal lottery numbers: sort every row by number and compare neighbours' bytes. */
function rejectDuplicateIds(file: string, buf: Buffer, input: AllocationInput, idStart: Uint32Array, idEnd: Uint32Array, lineOf: Int32Array): void {
  const n = input.eligible.length;
  const byNumber = drawOrder({ group: new Int32Array(n).fill(1), eligible: new Uint8Array(n).fill(1), lotteryHi: input.lotteryHi, lotteryLo: input.lotteryLo });
  for (let k = 1; k < n; k++) {
    const i = byNumber[k - 1]!;
    const j = byNumber[k]!;
    if (input.lotteryHi[i] !== input.lotteryHi[j] || input.lotteryLo[i] !== input.lotteryLo[j]) continue;
    if (buf.compare(buf, idStart[i], idEnd[i], idStart[j], idEnd[j]) === 0) {
      const [first, second] = lineOf[i]! < lineOf[j]! ? [i, j] : [j, i];
      throw new CsvRoundError(file, lineOf[second]!, `applicant "${text(buf, idStart[i]!, idEnd[i]!)}" appears twice (also line ${lineOf[first]})`);
    }
  }
}

/** allocation.csv's bytes: `applicant_id,session_id,position`, one row per application in input order. */
export function writeAllocationCsv(round: CsvRound, result: AllocationResult): Uint8Array {
  const sessionBytes = round.sessionIds.map((id) => Buffer.from(id, "utf8"));
  const header = Buffer.from("applicant_id,session_id,position\n");
  const n = round.input.eligible.length;
  let size = header.length;
  for (let i = 0; i < n; i++) {
    const s = result.session[i]!;
    size += round.idEnd[i]! - round.idStart[i]! + (s >= 0 ? sessionBytes[s]!.length : 0) + 13;
  }
  const out = Buffer.allocUnsafe(size);
  header.copy(out, 0);
  let at = header.length;
  const src = round.applicationsBuffer;
  for (let i = 0; i < n; i++) {
    for (let k = round.idStart[i]!, e = round.idEnd[i]!; k < e; k++) out[at++] = src[k]!;
    out[at++] = COMMA;
    const s = result.session[i]!;
    if (s >= 0) {
      const bytes = sessionBytes[s]!;
      for (let k = 0; k < bytes.length; k++) out[at++] = bytes[k]!;
    }
    out[at++] = COMMA;
    const p = result.position[i]!;
    if (p > 0) {
      const digitsStart = at;
      for (let v = p; v > 0; v = Math.floor(v / 10)) out[at++] = 48 + (v % 10);
      out.subarray(digitsStart, at).reverse();
    }
    out[at++] = LF;
  }
  return out.subarray(0, at);
}

/** The draw over a directory's files' contents: read, allocate, and the output's bytes. */
export function allocateCsvRound(
  files: { sessions: Buffer; unions: Buffer; applications: Buffer },
  opts: { seed: string; year: number; noRepeatYears: number },
): { round: CsvRound; result: AllocationResult; output: Uint8Array } {
  const round = readCsvRound(files, opts);
  const result = allocate(round.input);
  return { round, result, output: writeAllocationCsv(round, result) };
}
