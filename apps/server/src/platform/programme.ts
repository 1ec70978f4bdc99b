import type { ImportKind, MyItem, ProgrammeDescriptor, PublicEntry } from "@jiangxin/domain";
import type { Actor } from "./actor";
import type { Column, SQL } from "drizzle-orm";
import type { AppContext, HttpApp } from "./context";
import type { ImportSpec } from "./imports/importSpec";
import type { AttachmentOwner } from "./attachments/attachmentOwner";

/** What one figure is asked for: a year (so far, when `before` is given) over some counties. */
export type IndicatorQuery = {
  year: number;
  /** China date (YYYY-MM-DD): count only records before it (this year so far). */
  before?: string;
  /** County-level units to count; undefined = the whole province. */
  counties: string[] | undefined;
};

/** Each of a programme's indicators (by key) counted per county-level unit; missing counties have none. */
export type IndicatorCounts = ReadonlyMap<string, ReadonlyMap<string, number>>;

/**
 * A programme's public surface on the server (`programmes/<id>/index.ts` exports one). app.ts
 * registers its routes, the dashboard and targets count its indicators, fixtures/demo.ts loads its `demo`.
 */
export type Programme = {
  descriptor: ProgrammeDescriptor;
  routes(app: HttpApp, ctx: AppContext): void;
  /**
   * Counts every indicator of `descriptor.indicators` from records, per county, in one call (a
   * programme's figures usually share their scans). The caller has already cut `counties` to its scope.
   */
  countIndicators(ctx: AppContext, q: IndicatorQuery): Promise<IndicatorCounts>;
  /**
   * The open tasks an expert of the shared pool serves in this programme (SQL over the expert id
   * column), summed over programmes into the pool's 在办任务 and counted against its capacity.
   */
  expertWorkloadSql?(expertId: Column): SQL<number>;
  /**
   * The enterprises an expert serves in this programme (a `select <enterprise id>` subquery): it may open
   * their details and contact to do the work (masterData/enterprises; docs/architecture.md, access model).
   */
  expertEnterprisesSql?(expertId: string): SQL;
  /** Its bulk imports (templates, /api/imports/<kind>), by the kind the web's import drawer names. */
  imports?: Partial<Record<ImportKind, ImportSpec<never>>>;
  /** Its demo records, loaded by fixtures/demo.ts on an empty database (`npm start`). */
  demo?: ProgrammeDemo;
  /**
   * A worker's own applications and registrations in this programme, for 我的 (/api/me/items). The
   * actor is a `worker`; its person is `personIdOf(ctx, actor)` from masterData/people. None when omitted.
   */
  myItems?(ctx: AppContext, actor: Actor): Promise<ProgrammeMyItem[]>;
  /** What the programme publishes in 公众服务 (no login): entries on the /public landing page. */
  publicEntries?(ctx: AppContext): Promise<PublishedEntry[]>;
  /** The kinds of its records that carry attachments, with who may see and add them (docs/attachments.md). */
  attachmentOwners?: AttachmentOwner[];
};

/** One of 我的's rows as a programme gives it; the platform adds the programme's id and name. */
export type ProgrammeMyItem = Omit<MyItem, "programmeId" | "programmeName">;
/** A 公众服务 entry as a programme or module gives it; the platform adds who publishes it. */
export type PublishedEntry = Omit<PublicEntry, "publisher">;

/**
 * A master-data module's public surface as the app sees it (`masterData/<module>/index.ts`): its
 * routes and imports. Its public functions for programmes are the other exports of the same index.
 */
export type MasterDataModule = {
  id: string;
  routes(app: HttpApp, ctx: AppContext): void;
  imports?: Partial<Record<ImportKind, ImportSpec<never>>>;
  /** What the module publishes in 公众服务, under `publisher` (职工注册与入会, say). */
  publicEntries?(ctx: AppContext): Promise<(PublishedEntry & { publisher: string })[]>;
};

/** The demo accounts a programme's demo may tie records to (fixtures/demo.ts creates them). */
export type DemoAccountIds = { enterpriseId: string; enterpriseUserId: string; workerUserId: string };

/**
 * A programme's demo. `load` runs first, in registry order, before any account exists (the flagship's
 * makes the firms and experts the master data's demo builds on) and returns the lines `npm start`
 * prints about it; `withAccounts` runs once the demo accounts exist.
 */
export type ProgrammeDemo = {
  load(ctx: AppContext, opts: { scale: number; today: string }): Promise<string[]>;
  withAccounts?(ctx: AppContext, accounts: DemoAccountIds): Promise<void>;
};
