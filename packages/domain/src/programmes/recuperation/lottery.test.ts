import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LotteryHasher, lotteryHex, lotteryNumber, sha256Hex } from "./lottery";

const nodeSha = (text: string) => createHash("sha256").update(text, "utf8").digest();

describe("lottery", () => {
  it("is SHA-256 as node:crypto computes it, for any text and length (one block, two, many)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 200 }), (text) => {
        expect(sha256Hex(text)).toBe(nodeSha(text).toString("hex"));
      }),
      { numRuns: 500 },
    );
    for (const len of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) expect(sha256Hex("x".repeat(len))).toBe(nodeSha("x".repeat(len)).toString("hex"));
  });

  it("is the first 8 bytes of SHA-256(seed:id), big-endian, from strings and from bytes alike", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 70 }), fc.string({ unit: "grapheme", maxLength: 90 }), (seed, id) => {
        const expected = nodeSha(`${seed}:${id}`).readBigUInt64BE(0);
        expect(lotteryNumber(seed, id)).toBe(expected);
        const hasher = new LotteryHasher(seed);
        const bytes = Buffer.from(`,${id},`, "utf8");
        hasher.hashBytes(bytes, 1, bytes.length - 1);
        expect((BigInt(hasher.hi) << 32n) | BigInt(hasher.lo)).toBe(expected);
      }),
      { numRuns: 500 },
    );
    expect(lotteryHex("2026-seed", "A1")).toBe(nodeSha("2026-seed:A1").subarray(0, 8).toString("hex"));
  });
});
