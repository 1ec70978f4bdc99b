import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Personal data (phones, ID numbers) is stored as AES-256-GCM ciphertext: "v1.<iv>.<tag>.<data>",
 * base64url parts. GCM's tag means a tampered value fails to decrypt instead of reading as garbage.
 */
export type Cipher = { encrypt(plain: string): string; decrypt(sealed: string): string };

export function makeCipher(key: Buffer): Cipher {
  if (key.length !== 32) throw new Error("The data key must be 32 bytes (base64 of 32 random bytes)");
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    },
    decrypt(sealed) {
      const [version, iv, tag, data] = sealed.split(".");
      if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("Unrecognised ciphertext format");
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
    },
  };
}

/**
 * A keyed hash (HMAC-SHA256, base64url) for finding a record by a secret value without decrypting
 * anything: the same resident ID number always hashes the same, so a unique index de-duplicates people.
 * Its key is not the data key: the hash must stay stable when the data key is rotated, and a leaked
 * table with its hashes gives nothing without this key (an unkeyed hash of an 18-digit ID with a
 * known check digit and birth date is brute-forced in minutes).
 */
export type KeyedHash = (value: string) => string;

export function makeKeyedHash(key: Buffer): KeyedHash {
  if (key.length < 32) throw new Error("The person hash key must be at least 32 bytes (base64 of 32 random bytes)");
  return (value) => createHmac("sha256", key).update(value, "utf8").digest("base64url");
}

/**
 * The key comes from configuration: the value itself, or a file holding it (JIANGXIN_DATA_KEY_FILE,
 * meant to live apart from the data so a copied data folder or backup is not readable on its own).
 * With an embedded database and neither configured, one is generated once and kept in the data
 * folder (mode 0600) so a laptop install works with no setup; a configured file that does not exist
 * yet is generated there the same way. A PostgreSQL deployment must configure its key, since the
 * server's data is not in that folder.
 */
export function resolveDataKey(opts: { configured: string | undefined; keyFile?: string | undefined; dataDir: string; allowGenerated: boolean }): Buffer {
  return resolveKey({ ...opts, envName: "JIANGXIN_DATA_KEY (or JIANGXIN_DATA_KEY_FILE)", fileName: "data.key" });
}

/** The person hash key (JIANGXIN_PERSON_HASH_KEY, else `person-hash.key` beside the data key): same rules as the data key. */
export function resolvePersonHashKey(opts: { configured: string | undefined; dataDir: string; allowGenerated: boolean }): Buffer {
  return resolveKey({ ...opts, envName: "JIANGXIN_PERSON_HASH_KEY", fileName: "person-hash.key" });
}

function resolveKey(opts: {
  configured: string | undefined;
  keyFile?: string | undefined;
  dataDir: string;
  allowGenerated: boolean;
  envName: string;
  fileName: string;
}): Buffer {
  if (opts.configured) return Buffer.from(opts.configured, "base64");
  if (opts.keyFile && existsSync(opts.keyFile)) return Buffer.from(readFileSync(opts.keyFile, "utf8").trim(), "base64");
  if (!opts.allowGenerated) {
    throw new Error(`${opts.envName} is required with DATABASE_URL outside demo mode (base64 of 32 random bytes: \`openssl rand -base64 32\`)`);
  }
  const file = opts.keyFile ?? path.join(opts.dataDir, opts.fileName);
  if (existsSync(file)) return Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(file, key.toString("base64") + "\n", { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
}
