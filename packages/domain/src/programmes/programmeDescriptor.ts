import type { Role } from "../roles";

/**
 * What every side (server, web) knows of a programme: its id, its name, the permissions its routes
 * require and which roles hold them. The server adds its routes and indicators, the web its pages.
 */
/**
 * One figure a programme reports: its text is what a user opens beside the number on the 驾驶舱 and
 * the targets page; the server counts it from records (apps/server/src/platform/programme.ts).
 */
export type IndicatorInfo = {
  /** `<programme id>.<figure>`: targets are stored against this key, so it never changes. */
  key: string;
  label: string;
  /** 场, 人次, 家, 个, 元 … */
  unit: string;
  definition: string;
  /** The web page listing the records behind the figure (drill-down), if there is one. */
  recordsPath?: string;
};

export type ProgrammeDescriptor = {
  /** Stable, lower camel case: it prefixes indicator keys and names the programme's folder. */
  id: string;
  name: string;
  summary: string;
  permissions: readonly string[];
  grants: Partial<Record<Role, readonly string[]>>;
  indicators: readonly IndicatorInfo[];
  /** Chinese names of the audit actions its routes write (`<object>.<verb>`), joined into auditActionLabels. */
  auditActions?: Readonly<Record<string, string>>;
  /** Chinese names of the objects its audit rows are about, joined into auditObjectLabels. */
  auditObjects?: Readonly<Record<string, string>>;
  /** The first day the programme recorded anything (YYYY-MM-DD): nothing it did is dated earlier. */
  startedOn?: string;
};
