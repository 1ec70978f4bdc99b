import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { RegionDirectory } from "./regions/regionDirectory";
import type { Config } from "./config";
import type { Cipher, KeyedHash } from "./crypto";
import type { Database, Db } from "./db/database";
import type { Column, SQL } from "drizzle-orm";

/** What every module's routes and services are given. `now` is injectable so timeouts can be tested. */
export type AppContext = {
  config: Config;
  database: Database;
  regions: RegionDirectory;
  cipher: Cipher;
  /** HMAC of a normalised resident ID number: finds a person without decrypting (masterData/people). */
  personHash: KeyedHash;
  now: () => Date;
  /** What the platform asks master data when it builds an actor (wired by createContext). */
  accounts: AccountBindings;
  /** An expert's open tasks over every programme (SQL over the expert id column; wired by createContext). */
  expertWorkload(expertId: Column): SQL<number>;
  /**
   * The enterprises an expert serves, over every programme: a subquery of enterprise ids (`select …`),
   * for `id in (…)`. Lets an expert open the detail of a firm it must visit (wired by createContext).
   */
  expertEnterprises(expertId: string): SQL;
};

/**
 * Where an enterprise account's firm is, and which expert profile a user has: the platform needs both
 * to scope an actor, and master data owns both, so the composition root passes them in.
 */
export type AccountBindings = {
  enterpriseCounty(db: Db, enterpriseId: string): Promise<string | null>;
  expertIdOfUser(db: Db, userId: string): Promise<string | null>;
  /** A union account's scope: its union, the unions below it, and the county it sits in. */
  unionSubtree(db: Db, unionId: string): Promise<{ unionId: string; unionIds: string[]; countyCode: string } | null>;
};

export type HttpApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
