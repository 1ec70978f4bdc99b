import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createContext } from "../createContext";
import { loadConfig } from "./config";
import { resolveDataKey } from "./crypto";
import { secureDataFolder } from "./secureDataFolder";

const modes = (dir: string): { path: string; mode: number }[] => {
  const out: { path: string; mode: number }[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    out.push({ path: p, mode: st.mode & 0o777 });
    if (st.isDirectory()) for (const name of readdirSync(p)) visit(path.join(p, name));
  };
  visit(dir);
  return out;
};

describe("data at rest: folder and key", () => {
  it("keeps the embedded database's folder 0700 and its files 0600", async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "jx-perm-"));
    const config = loadConfig({ JIANGXIN_DATA_DIR: dataDir, JIANGXIN_LOG_LEVEL: "silent" });
    const ctx = await createContext(config);
    // While running, the folder itself shuts everyone else out, whatever PGlite does to its files.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dataDir, "data.key")).mode & 0o777).toBe(0o600);
    await ctx.database.close();
    secureDataFolder(dataDir); // what main.ts does at shutdown
    const all = modes(dataDir);
    expect(all.length).toBeGreaterThan(100);
    const loose = all.filter((e) => (e.mode & 0o077) !== 0);
    expect(loose).toEqual([]);
  }, 120_000);

  it("tightens a folder left world-writable by an earlier version", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "jx-perm-"));
    writeFileSync(path.join(dir, "f"), "x", { mode: 0o666 });
    expect(secureDataFolder(dir)).toBeGreaterThan(0);
    expect(modes(dir).map((e) => e.mode)).toEqual([0o700, 0o600]);
  });

  it("reads the key from a file kept apart, generating it there 0600 when missing", () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), "jx-data-"));
    const keyDir = mkdtempSync(path.join(tmpdir(), "jx-key-"));
    const keyFile = path.join(keyDir, "secrets", "jiangxin.key");
    const made = resolveDataKey({ configured: undefined, keyFile, dataDir, allowGenerated: true });
    expect(made).toHaveLength(32);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual([]); // nothing beside the data
    expect(resolveDataKey({ configured: undefined, keyFile, dataDir, allowGenerated: false }).equals(made)).toBe(true);
    const other = path.join(keyDir, "given.key");
    const given = randomBytes(32);
    writeFileSync(other, given.toString("base64") + "\n", { mode: 0o600 });
    expect(resolveDataKey({ configured: undefined, keyFile: other, dataDir, allowGenerated: false }).equals(given)).toBe(true);
  });
});
