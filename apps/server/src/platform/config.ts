import path from "node:path";
import type { MapTiles } from "@jiangxin/domain";
import { z } from "zod";
import { mapTilesFromEnv } from "./mapTiles/mapTilesFromEnv";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no"])
  .transform((v) => v === "1" || v === "true" || v === "yes");

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** Where PGlite keeps its files and, without JIANGXIN_DATA_KEY, the generated data key. */
  JIANGXIN_DATA_DIR: z.string().default("data"),
  /** A PostgreSQL server; when set, PGlite is not used. */
  DATABASE_URL: z.string().startsWith("postgres", "DATABASE_URL 应以 postgres:// 或 postgresql:// 开头").optional(),
  /** Demo mode loads demo data and demo accounts on first start. Off unless asked for. */
  JIANGXIN_DEMO: bool.default(false),
  /** Size of the demo year relative to the newspaper's figures (1 = 2,352 sessions …). */
  JIANGXIN_DEMO_SCALE: z.coerce.number().positive().max(10).default(1),
  /** Base64 of 32 random bytes: the AES-256-GCM key for personal data at rest. */
  JIANGXIN_DATA_KEY: z.string().optional(),
  /** A file holding that key (base64), kept apart from the data and its backups; generated there when missing (embedded only). */
  JIANGXIN_DATA_KEY_FILE: z.string().optional(),
  /** Base64 of 32 random bytes: the HMAC key of resident ID numbers' hashes (people de-duplication). */
  JIANGXIN_PERSON_HASH_KEY: z.string().optional(),
  /** The first administrator, created on an empty database outside demo mode. */
  JIANGXIN_ADMIN_USERNAME: z.string().min(3).optional(),
  JIANGXIN_ADMIN_PASSWORD: z.string().min(1).optional(),
  /** Send the session cookie only over HTTPS; turn on behind TLS. */
  JIANGXIN_COOKIE_SECURE: bool.default(false),
  /** Province and city administrators must enrol and use a TOTP second factor. */
  JIANGXIN_REQUIRE_TOTP: bool.default(false),
  /** Login and password-change attempts per client address per minute (all names together). */
  JIANGXIN_AUTH_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(20),
  /** The public station finder's requests per client address per minute (carrier NAT puts many phones behind one address). */
  JIANGXIN_FINDER_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000_000).default(600),
  /**
   * Turn requests away with a 503 at once when the server is overloaded (platform/loadShedding.ts). On
   * by default; the test suites turn it off, since a loaded CI machine would shed their requests.
   */
  JIANGXIN_LOAD_SHEDDING: bool.default(true),
  /** Serve the built web app from this folder (relative to the repository root). */
  JIANGXIN_WEB_DIST: z.string().default("apps/web/dist"),
  JIANGXIN_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** An open problem whose status has not changed for more than this many days is overdue. */
  JIANGXIN_OVERDUE_DAYS: z.coerce.number().int().min(1).max(365).default(14),
  /** A tile base map for the maps that show places (the station finder): tianditu, amap or a URL template; read by mapTilesFromEnv. */
  JIANGXIN_MAP_TILES: z.string().optional(),
  JIANGXIN_MAP_TILES_KEY: z.string().optional(),
  JIANGXIN_MAP_TILES_DATUM: z.string().optional(),
  JIANGXIN_MAP_TILES_ATTRIBUTION: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  demo: boolean;
  demoScale: number;
  dataKey: string | undefined;
  dataKeyFile: string | undefined;
  personHashKey: string | undefined;
  admin: { username: string; password: string } | undefined;
  cookieSecure: boolean;
  requireTotp: boolean;
  authRateLimit: number;
  finderRateLimit: number;
  loadShedding: boolean;
  webDist: string;
  logLevel: z.infer<typeof envSchema>["JIANGXIN_LOG_LEVEL"];
  overdueDays: number;
  /** The tile base map, or null: the maps draw the county outlines that ship with the app (no internet needed). */
  mapTiles: MapTiles | null;
};

export const repoRoot = path.resolve(import.meta.dirname, "../../../..");

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Configuration is invalid:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  if ((e.JIANGXIN_ADMIN_USERNAME === undefined) !== (e.JIANGXIN_ADMIN_PASSWORD === undefined)) {
    throw new Error("Configuration is invalid: set both JIANGXIN_ADMIN_USERNAME and JIANGXIN_ADMIN_PASSWORD, or neither");
  }
  const mapTiles = mapTilesFromEnv(e);
  if (mapTiles.problems.length) throw new Error(`Configuration is invalid:\n${mapTiles.problems.map((p) => `  ${p}`).join("\n")}`);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(repoRoot, e.JIANGXIN_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.JIANGXIN_DEMO,
    demoScale: e.JIANGXIN_DEMO_SCALE,
    dataKey: e.JIANGXIN_DATA_KEY,
    dataKeyFile: e.JIANGXIN_DATA_KEY_FILE === undefined ? undefined : path.resolve(repoRoot, e.JIANGXIN_DATA_KEY_FILE),
    personHashKey: e.JIANGXIN_PERSON_HASH_KEY,
    admin:
      e.JIANGXIN_ADMIN_USERNAME && e.JIANGXIN_ADMIN_PASSWORD
        ? { username: e.JIANGXIN_ADMIN_USERNAME, password: e.JIANGXIN_ADMIN_PASSWORD }
        : undefined,
    cookieSecure: e.JIANGXIN_COOKIE_SECURE,
    requireTotp: e.JIANGXIN_REQUIRE_TOTP,
    authRateLimit: e.JIANGXIN_AUTH_RATE_LIMIT,
    finderRateLimit: e.JIANGXIN_FINDER_RATE_LIMIT,
    loadShedding: e.JIANGXIN_LOAD_SHEDDING,
    webDist: path.resolve(repoRoot, e.JIANGXIN_WEB_DIST),
    logLevel: e.JIANGXIN_LOG_LEVEL,
    overdueDays: e.JIANGXIN_OVERDUE_DAYS,
    mapTiles: mapTiles.tiles,
  };
}
