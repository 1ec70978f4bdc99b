import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DimacsError, formatDimacs, parseDimacs } from "./dimacs";
import { randomNetwork } from "./testing/randomNetwork";

const parse = (text: string) => parseDimacs(new TextEncoder().encode(text));
const errorOf = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof DimacsError) return error.message;
    throw error;
  }
  return "parsed";
};

describe("parseDimacs", () => {
  it("reads nodes, supplies, arcs and lower bounds, renumbering nodes from 0", () => {
    const p = parse("c a comment\r\n\np min 3 2\nn 1 5\nn 3 -5\na 1 2 1 4 7\n  a 2 3 0 9 -2  \n");
    expect(p.network.nodeCount).toBe(3);
    expect(Array.from(p.network.supply)).toEqual([5, 0, -5]);
    expect(Array.from(p.network.source)).toEqual([0, 1]);
    expect(Array.from(p.network.target)).toEqual([1, 2]);
    expect(Array.from(p.network.lower ?? [])).toEqual([1, 0]);
    expect(Array.from(p.network.capacity)).toEqual([4, 9]);
    expect(Array.from(p.network.cost)).toEqual([7, -2]);
    expect(Array.from(p.arcLines)).toEqual([6, 7]);
    expect(p.problemLine).toBe(3);
  });

  it.each([
    ["", "line 1: no problem line"],
    ["n 1 2\n", "line 1: node descriptor before the problem line"],
    ["p max 2 1\n", 'line 1: problem type must be "min", got "max"'],
    ["p min 2\n", "line 1: missing arc count"],
    ["p min 2 1\np min 2 1\n", "line 2: second problem line (the first is line 1)"],
    ["p min 2 1\na 1 2 0 3\n", "line 2: missing cost"],
    ["p min 2 1\na 1 2 0 3 1 9\n", 'line 2: unexpected "9" after the last field'],
    ["p min 2 1\na 1 3 0 3 1\n", "line 2: head node 3 is not a node (nodes are 1..2)"],
    ["p min 2 1\na 0 2 0 3 1\n", "line 2: tail node 0 is not a node"],
    ["p min 2 1\nc ok\na 1 2 0 x 1\n", 'line 3: capacity must be an integer, got "x"'],
    ["p min 2 1\na 1 2 0 2.5 1\n", 'line 2: capacity must be an integer, got "2.5"'],
    ["p min 2 1\na 1 2 4 3 1\n", "line 2: capacity 3 is below the lower bound 4"],
    ["p min 2 1\na 1 2 -1 3 1\n", "line 2: lower bound -1 is negative"],
    ["p min 2 1\na 1 2 0 3 1\na 2 1 0 3 1\n", "line 3: more arcs than the 1 declared on line 1"],
    ["p min 2 2\na 1 2 0 3 1\n", "line 1: 2 arcs declared but 1 given"],
    ["p min 2 0\nn 1 1\nn 1 2\n", "line 3: node 1 already described on line 2"],
    ["p min 2 0\nx 1 1\n", 'line 2: unknown line type "x"'],
    ["p min 2 0\nnode 1 1\n", 'line 2: unknown line type "node"'],
    ["p min 1 0\nn 1 99999999999999999999\n", "line 2: supply 99999999999999999999 is too large"],
  ])("rejects %j", (text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it("reads back what formatDimacs writes", () => {
    fc.assert(
      fc.property(randomNetwork({ maxNodes: 6, maxArcs: 10, unlimited: false, lowerBounds: true, ring: false }), (network) => {
        const back = parse(formatDimacs(network, "round trip")).network;
        expect(back.nodeCount).toBe(network.nodeCount);
        expect(Array.from(back.supply)).toEqual(Array.from(network.supply));
        expect(Array.from(back.source)).toEqual(Array.from(network.source));
        expect(Array.from(back.target)).toEqual(Array.from(network.target));
        expect(Array.from(back.capacity)).toEqual(Array.from(network.capacity));
        expect(Array.from(back.cost)).toEqual(Array.from(network.cost));
        expect(Array.from(back.lower ?? new Float64Array(network.arcCount))).toEqual(Array.from(network.lower ?? new Float64Array(network.arcCount)));
      }),
      { numRuns: 300 },
    );
  });
});
