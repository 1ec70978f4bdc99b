import { randomBytes } from "node:crypto";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeCipher, resolveDataKey } from "./crypto";

describe("personal-data encryption", () => {
  const cipher = makeCipher(randomBytes(32));

  it("round-trips, and never produces the same ciphertext twice", () => {
    const a = cipher.encrypt("13812345678");
    expect(a).not.toContain("13812345678");
    expect(cipher.encrypt("13812345678")).not.toBe(a);
    expect(cipher.decrypt(a)).toBe("13812345678");
  });

  it("refuses a tampered value or another key's value instead of returning garbage", () => {
    const sealed = cipher.encrypt("11010519491231002X");
    const parts = sealed.split(".");
    const data = Buffer.from(parts[3] ?? "", "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt([parts[0], parts[1], parts[2], data.toString("base64url")].join("."))).toThrow();
    expect(() => makeCipher(randomBytes(32)).decrypt(sealed)).toThrow();
  });

  it("generates a key once for an embedded install and keeps it private; a server install must configure one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jx-key-"));
    const first = resolveDataKey({ configured: undefined, dataDir: dir, allowGenerated: true });
    expect(resolveDataKey({ configured: undefined, dataDir: dir, allowGenerated: true }).equals(first)).toBe(true);
    expect(statSync(path.join(dir, "data.key")).mode & 0o777).toBe(0o600);
    expect(() => resolveDataKey({ configured: undefined, dataDir: dir, allowGenerated: false })).toThrow(/JIANGXIN_DATA_KEY/);
  });
});
