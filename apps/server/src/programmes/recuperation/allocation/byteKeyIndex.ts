/**
 * Session and union ids looked up by their bytes in the input buffer (FNV-1a, open addressing), so the
 * 4.5 million choice and union fields of a province year need no string each.
 */
export class ByteKeyIndex {
  private readonly keys: Buffer;
  private readonly keyStart: Uint32Array;
  private readonly keyEnd: Uint32Array;
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(ids: readonly string[]) {
    const encoded = ids.map((id) => Buffer.from(id, "utf8"));
    this.keys = Buffer.concat(encoded);
    this.keyStart = new Uint32Array(ids.length);
    this.keyEnd = new Uint32Array(ids.length);
    let at = 0;
    encoded.forEach((b, i) => {
      this.keyStart[i] = at;
      at += b.length;
      this.keyEnd[i] = at;
    });
    let size = 16;
    while (size < ids.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size).fill(-1);
    for (let i = 0; i < ids.length; i++) {
      let slot = ByteKeyIndex.hash(this.keys, this.keyStart[i]!, this.keyEnd[i]!) & this.mask;
      while (this.slots[slot] !== -1) slot = (slot + 1) & this.mask;
      this.slots[slot] = i;
    }
  }

  private static hash(buf: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
    return h >>> 0;
  }

  /** The index of the id spelled by `buf[start, end)`, or -1. */
  find(buf: Uint8Array, start: number, end: number): number {
    let slot = ByteKeyIndex.hash(buf, start, end) & this.mask;
    const len = end - start;
    for (;;) {
      const i = this.slots[slot]!;
      if (i < 0) return -1;
      const ks = this.keyStart[i]!;
      if (this.keyEnd[i]! - ks === len) {
        let k = 0;
        while (k < len && this.keys[ks + k] === buf[start + k]) k++;
        if (k === len) return i;
      }
      slot = (slot + 1) & this.mask;
    }
  }
}
