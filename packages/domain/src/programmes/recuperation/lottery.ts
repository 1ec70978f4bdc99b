/**
 * The round's lottery number: the first 8 bytes of SHA-256(seed + ":" + applicant id), read as an
 * unsigned big-endian integer; ascending is earlier in the draw. Anyone can recompute it (the public
 * page does, in the browser), so SHA-256 is written here in plain TypeScript: the same code serves the
 * server, the auditors' command and the web, synchronously, and for the short messages of a draw it
 * is several times faster than a call into node:crypto per applicant (no per-call object or buffer).
 */

const K = new Int32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
  0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
  0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
  0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
  0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
  0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
  0xc67178f2,
]);
const H0 = new Int32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]);

// Scratch space shared by every call (JavaScript is single-threaded; nothing here is re-entrant).
const W = new Int32Array(64);
const H = new Int32Array(8);
const tail = new Uint8Array(128);

function compress(m: Uint8Array, at: number): void {
  for (let t = 0; t < 16; t++) {
    const i = at + t * 4;
    W[t] = (m[i]! << 24) | (m[i + 1]! << 16) | (m[i + 2]! << 8) | m[i + 3]!;
  }
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15]!;
    const w2 = W[t - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[t] = (W[t - 16]! + s0 + W[t - 7]! + s1) | 0;
  }
  let a = H[0]!, b = H[1]!, c = H[2]!, d = H[3]!, e = H[4]!, f = H[5]!, g = H[6]!, h = H[7]!;
  for (let t = 0; t < 64; t++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const ch = (e & f) ^ (~e & g);
    const t1 = (h + S1 + ch + K[t]! + W[t]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const maj = (a & b) ^ (a & c) ^ (b & c);
    const t2 = (S0 + maj) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = (H[0]! + a) | 0;
  H[1] = (H[1]! + b) | 0;
  H[2] = (H[2]! + c) | 0;
  H[3] = (H[3]! + d) | 0;
  H[4] = (H[4]! + e) | 0;
  H[5] = (H[5]! + f) | 0;
  H[6] = (H[6]! + g) | 0;
  H[7] = (H[7]! + h) | 0;
}

/** SHA-256 of `msg[start, end)`, left in H (eight big-endian words). */
function digest(msg: Uint8Array, start: number, end: number): void {
  H.set(H0);
  const length = end - start;
  let at = start;
  for (; at + 64 <= end; at += 64) compress(msg, at);
  const rest = end - at;
  tail.fill(0);
  for (let i = 0; i < rest; i++) tail[i] = msg[at + i]!;
  tail[rest] = 0x80;
  const blocks = rest + 9 <= 64 ? 1 : 2;
  const bits = length * 8;
  const last = blocks * 64;
  // Message length in bits, big-endian in the last 8 bytes (lengths here stay far below 2^53 bits).
  const high = Math.floor(bits / 0x100000000);
  tail[last - 8] = high >>> 24;
  tail[last - 7] = high >>> 16;
  tail[last - 6] = high >>> 8;
  tail[last - 5] = high;
  tail[last - 4] = bits >>> 24;
  tail[last - 3] = bits >>> 16;
  tail[last - 2] = bits >>> 8;
  tail[last - 1] = bits;
  compress(tail, 0);
  if (blocks === 2) compress(tail, 64);
}

/** Writes `text` as UTF-8 into `buf` at `at`; returns the end. `buf` must have room for 3 bytes per code unit. */
export function encodeUtf8Into(text: string, buf: Uint8Array, at: number): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) buf[at++] = c;
    else if (c < 0x800) {
      buf[at++] = 0xc0 | (c >> 6);
      buf[at++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text.charCodeAt(++i) - 0xdc00);
      buf[at++] = 0xf0 | (c >> 18);
      buf[at++] = 0x80 | ((c >> 12) & 63);
      buf[at++] = 0x80 | ((c >> 6) & 63);
      buf[at++] = 0x80 | (c & 63);
    } else {
      // Lone surrogates become U+FFFD, as TextEncoder does.
      if (c >= 0xd800 && c < 0xe000) c = 0xfffd;
      buf[at++] = 0xe0 | (c >> 12);
      buf[at++] = 0x80 | ((c >> 6) & 63);
      buf[at++] = 0x80 | (c & 63);
    }
  }
  return at;
}

/** The full SHA-256 of a UTF-8 string, as 64 lowercase hex digits (the seed's commitment is this of the seed). */
export function sha256Hex(text: string): string {
  const buf = new Uint8Array(text.length * 3);
  digest(buf, 0, encodeUtf8Into(text, buf, 0));
  let out = "";
  for (let i = 0; i < 8; i++) out += (H[i]! >>> 0).toString(16).padStart(8, "0");
  return out;
}

/** The lottery number of one applicant, as a bigint (for display and checks; batches use `LotteryHasher`). */
export function lotteryNumber(seed: string, applicantId: string): bigint {
  const hasher = new LotteryHasher(seed);
  hasher.hashString(applicantId);
  return (BigInt(hasher.hi) << 32n) | BigInt(hasher.lo);
}

/** The lottery number as 16 hex digits (what the pages show beside the decimal number). */
export function lotteryHex(seed: string, applicantId: string): string {
  return lotteryNumber(seed, applicantId).toString(16).padStart(16, "0");
}

/**
 * Hashes many applicants under one seed: the message buffer starts with `seed:` once, each applicant's
 * id is written after it, and the result is left in `hi`/`lo` (the two big-endian 32-bit halves).
 */
export class LotteryHasher {
  hi = 0;
  lo = 0;
  private buf: Uint8Array;
  private readonly prefixEnd: number;

  constructor(seed: string) {
    this.buf = new Uint8Array(seed.length * 3 + 1 + 256);
    this.prefixEnd = encodeUtf8Into(seed + ":", this.buf, 0);
  }

  private room(bytes: number): void {
    if (this.prefixEnd + bytes <= this.buf.length) return;
    const bigger = new Uint8Array((this.prefixEnd + bytes) * 2);
    bigger.set(this.buf.subarray(0, this.prefixEnd));
    this.buf = bigger;
  }

  hashString(applicantId: string): void {
    this.room(applicantId.length * 3);
    this.finish(encodeUtf8Into(applicantId, this.buf, this.prefixEnd));
  }

  /** The applicant id as bytes `src[start, end)` (UTF-8), e.g. straight from a CSV file's buffer. */
  hashBytes(src: Uint8Array, start: number, end: number): void {
    this.room(end - start);
    const buf = this.buf;
    let at = this.prefixEnd;
    for (let i = start; i < end; i++) buf[at++] = src[i]!;
    this.finish(at);
  }

  private finish(end: number): void {
    digest(this.buf, 0, end);
    this.hi = H[0]! >>> 0;
    this.lo = H[1]! >>> 0;
  }
}

/** Every applicant's lottery number under `seed`, as typed arrays of the two halves. */
export function lotteryKeys(seed: string, applicantIds: readonly string[]): { hi: Uint32Array; lo: Uint32Array } {
  const hasher = new LotteryHasher(seed);
  const hi = new Uint32Array(applicantIds.length);
  const lo = new Uint32Array(applicantIds.length);
  for (let i = 0; i < applicantIds.length; i++) {
    hasher.hashString(applicantIds[i]!);
    hi[i] = hasher.hi;
    lo[i] = hasher.lo;
  }
  return { hi, lo };
}
