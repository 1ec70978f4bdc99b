import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type { RegionDirectory } from "./regions/regionDirectory";
import type { Config } from "./config";
import type { Cipher, KeyedHash } from "./crypto";
import type { Database } from "./db/database";

/** What every module's routes and services are given. `now` is injectable so timeouts can be tested. */
export type AppContext = {
  config: Config;
  database: Database;
  regions: RegionDirectory;
  cipher: Cipher;
  /** HMAC of a normalised resident ID number: finds a person without decrypting (masterData/people). */
  personHash: KeyedHash;
  now: () => Date;
};

export type HttpApp = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, ZodTypeProvider>;
