import type { FlowNetwork } from "./FlowNetwork";

/** A parse error that knows its 1-based input line. */
export class DimacsError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = "DimacsError";
  }
}

export interface DimacsProblem {
  /** Nodes are renumbered from 0: DIMACS node k is node k - 1. */
  readonly network: FlowNetwork;
  /** The input line of each arc, for messages. */
  readonly arcLines: Int32Array;
  /** The input line of each node's `n` descriptor, or 0 when it has none. */
  readonly nodeLines: Int32Array;
  /** The line of the `p min` descriptor. */
  readonly problemLine: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const CR = 0x0d;
const LF = 0x0a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

/**
 * Parses a DIMACS min-cost flow file: `c` comments, one `p min NODES ARCS`, `n ID SUPPLY` lines and
 * `a FROM TO LOW CAP COST` lines. Works on bytes rather than strings because the benchmark's files
 * reach 2.5 million arcs, where splitting into strings would cost more than solving.
 */
export function parseDimacs(input: Uint8Array): DimacsProblem {
  const len = input.length;
  let pos = 0;
  let line = 0;
  let lineEnd = 0;
  let problemLine = 0;
  let nodes = 0;
  let arcs = 0;
  let arcCount = 0;
  let supply = new Float64Array(0);
  let nodeLines = new Int32Array(0);
  let source = new Int32Array(0);
  let target = new Int32Array(0);
  let lower = new Float64Array(0);
  let capacity = new Float64Array(0);
  let cost = new Float64Array(0);
  let arcLines = new Int32Array(0);
  let hasLower = false;

  const isBlank = (b: number) => b === SPACE || b === TAB || b === CR;
  const skipBlanks = () => {
    while (pos < lineEnd && isBlank(input[pos]!)) pos++;
  };
  const tokenText = (start: number) => {
    let end = start;
    while (end < lineEnd && !isBlank(input[end]!)) end++;
    return new TextDecoder().decode(input.subarray(start, Math.min(end, start + 40)));
  };
  /** Reads the next whitespace-separated token as a safe integer. */
  const integer = (what: string): number => {
    skipBlanks();
    if (pos >= lineEnd) throw new DimacsError(line, `missing ${what}`);
    const start = pos;
    let negative = false;
    if (input[pos] === MINUS) {
      negative = true;
      pos++;
    }
    let value = 0;
    let digits = 0;
    while (pos < lineEnd) {
      const b = input[pos]!;
      if (b < ZERO || b > NINE) break;
      value = value * 10 + (b - ZERO);
      digits++;
      pos++;
    }
    if (digits === 0 || (pos < lineEnd && !isBlank(input[pos]!))) {
      throw new DimacsError(line, `${what} must be an integer, got "${tokenText(start)}"`);
    }
    if (!Number.isSafeInteger(value)) throw new DimacsError(line, `${what} ${tokenText(start)} is too large`);
    return negative ? -value : value;
  };
  const endOfLine = () => {
    skipBlanks();
    if (pos < lineEnd) throw new DimacsError(line, `unexpected "${tokenText(pos)}" after the last field`);
  };
  const node = (what: string): number => {
    const v = integer(what);
    if (v < 1 || v > nodes) throw new DimacsError(line, `${what} ${v} is not a node (nodes are 1..${nodes})`);
    return v - 1;
  };

  while (pos < len) {
    line++;
    lineEnd = input.indexOf(LF, pos);
    if (lineEnd < 0) lineEnd = len;
    skipBlanks();
    if (pos < lineEnd) {
      const kind = input[pos]!;
      pos++;
      if (kind === 0x63 /* c */) {
        pos = lineEnd;
      } else if (pos < lineEnd && !isBlank(input[pos]!)) {
        throw new DimacsError(line, `unknown line type "${tokenText(pos - 1)}"`);
      } else if (kind === 0x70 /* p */) {
        if (problemLine) throw new DimacsError(line, `second problem line (the first is line ${problemLine})`);
        skipBlanks();
        const type = tokenText(pos);
        if (type !== "min") throw new DimacsError(line, `problem type must be "min", got "${type}"`);
        pos += 3;
        nodes = integer("node count");
        arcCount = integer("arc count");
        if (nodes < 0 || arcCount < 0) throw new DimacsError(line, "node and arc counts must not be negative");
        endOfLine();
        problemLine = line;
        supply = new Float64Array(nodes);
        nodeLines = new Int32Array(nodes);
        source = new Int32Array(arcCount);
        target = new Int32Array(arcCount);
        lower = new Float64Array(arcCount);
        capacity = new Float64Array(arcCount);
        cost = new Float64Array(arcCount);
        arcLines = new Int32Array(arcCount);
      } else if (kind === 0x6e /* n */) {
        if (!problemLine) throw new DimacsError(line, "node descriptor before the problem line");
        const v = node("node id");
        const s = integer("supply");
        endOfLine();
        if (nodeLines[v]) throw new DimacsError(line, `node ${v + 1} already described on line ${nodeLines[v]}`);
        nodeLines[v] = line;
        supply[v] = s;
      } else if (kind === 0x61 /* a */) {
        if (!problemLine) throw new DimacsError(line, "arc descriptor before the problem line");
        if (arcs === arcCount) throw new DimacsError(line, `more arcs than the ${arcCount} declared on line ${problemLine}`);
        const s = node("tail node");
        const t = node("head node");
        const lo = integer("lower bound");
        const hi = integer("capacity");
        const c = integer("cost");
        endOfLine();
        if (lo < 0) throw new DimacsError(line, `lower bound ${lo} is negative`);
        if (hi < lo) throw new DimacsError(line, `capacity ${hi} is below the lower bound ${lo}`);
        source[arcs] = s;
        target[arcs] = t;
        lower[arcs] = lo;
        capacity[arcs] = hi;
        cost[arcs] = c;
        if (lo !== 0) hasLower = true;
        arcLines[arcs] = line;
        arcs++;
      } else {
        throw new DimacsError(line, `unknown line type "${String.fromCharCode(kind)}"`);
      }
    }
    pos = lineEnd + 1;
  }
  if (!problemLine) throw new DimacsError(Math.max(line, 1), 'no problem line ("p min NODES ARCS")');
  if (arcs < arcCount) throw new DimacsError(problemLine, `${arcCount} arcs declared but ${arcs} given`);
  return {
    network: { nodeCount: nodes, arcCount, supply, source, target, lower: hasLower ? lower : undefined, capacity, cost },
    arcLines,
    nodeLines,
    problemLine,
  };
}

/** Writes a network as a DIMACS min-cost flow file (nodes renumbered from 1). */
export function formatDimacs(network: FlowNetwork, comment?: string): string {
  const { nodeCount, arcCount, supply, source, target, lower, capacity, cost } = network;
  const out: string[] = [];
  if (comment) for (const line of comment.split("\n")) out.push(`c ${line}`);
  out.push(`p min ${nodeCount} ${arcCount}`);
  for (let v = 0; v < nodeCount; v++) if (supply[v] !== 0) out.push(`n ${v + 1} ${supply[v]}`);
  for (let a = 0; a < arcCount; a++) {
    const cap = capacity[a]!;
    if (cap === Infinity) throw new RangeError(`arc ${a}: DIMACS has no unlimited capacity`);
    out.push(`a ${source[a]! + 1} ${target[a]! + 1} ${lower ? lower[a]! : 0} ${cap} ${cost[a]}`);
  }
  return out.join("\n") + "\n";
}
