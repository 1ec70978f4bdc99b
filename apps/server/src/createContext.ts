import { sql } from "drizzle-orm";
import path from "node:path";
import { enterpriseCounty } from "./masterData/enterprises";
import { expertIdOfUser } from "./masterData/experts";
import { syncFederations, unionSubtree } from "./masterData/unions";
import { programmes } from "./programmes/registry";
import { RegionDirectory } from "./platform/regions/regionDirectory";
import { syncRegions } from "./platform/regions/syncRegions";
import type { Config } from "./platform/config";
import type { AppContext } from "./platform/context";
import { makeCipher, makeKeyedHash, resolveDataKey, resolvePersonHashKey } from "./platform/crypto";
import { openDatabase, type DatabaseTarget } from "./platform/db/database";
import { secureDataFolder } from "./platform/secureDataFolder";

/** Opens the database (migrating it), loads reference data, and gathers what every module needs. */
export async function createContext(config: Config, target?: DatabaseTarget): Promise<AppContext> {
  const embedded = !target && !config.databaseUrl;
  // Before PGlite opens its files: the folder is 0700, and what an earlier version left open is tightened.
  if (embedded) secureDataFolder(config.dataDir);
  const key = resolveDataKey({ configured: config.dataKey, keyFile: config.dataKeyFile, dataDir: config.dataDir, allowGenerated: !config.databaseUrl || config.demo });
  const personHashKey = resolvePersonHashKey({ configured: config.personHashKey, dataDir: config.dataDir, allowGenerated: !config.databaseUrl || config.demo });
  const log = config.logLevel === "silent" ? { error: () => {} } : console;
  const database = await openDatabase(
    target ?? (config.databaseUrl ? { kind: "postgres", url: config.databaseUrl } : { kind: "pglite", dataDir: path.join(config.dataDir, "pglite") }),
    log,
  );
  try {
    await syncRegions(database.db);
    const regions = await RegionDirectory.load(database.db);
    // The federations mirror the region directory, so every install has the union tree's top three levels.
    await syncFederations(database.db, regions);
    return {
      config,
      database,
      regions,
      cipher: makeCipher(key), personHash: makeKeyedHash(personHashKey),
      now: () => new Date(),
      accounts: { enterpriseCounty, expertIdOfUser, unionSubtree },
      // Each programme counts the tasks it gives an expert of the shared pool; the pool shows the sum.
      expertWorkload: (expertId) => {
        const parts = programmes.flatMap((p) => (p.expertWorkloadSql ? [p.expertWorkloadSql(expertId)] : []));
        return parts.length === 0 ? sql<number>`0` : sql<number>`(${sql.join(parts, sql` + `)})`;
      },
      // Each programme names the firms an expert serves in it; an expert may open those firms' details.
      expertEnterprises: (expertId) => {
        const parts = programmes.flatMap((p) => (p.expertEnterprisesSql ? [p.expertEnterprisesSql(expertId)] : []));
        return parts.length === 0 ? sql`select null::uuid where false` : sql.join(parts, sql` union `);
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}
