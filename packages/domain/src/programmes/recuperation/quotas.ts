import { z } from "zod";
import { pageQuerySchema } from "../../paging";
import type { UnionKind } from "../../union";

/**
 * One union's places for a year as the quota tree sees them (issue 14: the province gives each city
 * federation its places, a city splits them among its counties, a county among its grassroots unions,
 * and so on down the union tree).
 */
export type RecuperationQuotaNode = {
  unionId: string;
  unionName: string;
  kind: UnionKind;
  /** Places given to this union by the one above it (for the provincial federation: the year's plan); null when none were given. */
  received: number | null;
  /** Places handed on to the unions directly below it. */
  handedDown: number;
  /**
   * received − handedDown: kept by this union. The draw gives them only to members who belong to this
   * union itself (a county federation normally has none), so kept places wait until handed down.
   */
  undistributed: number;
  /** Places in use — offers held, accepted or stayed — of applicants in this union and every union below it. */
  used: number;
  /** Of those, accepted or stayed. */
  accepted: number;
  /** The least this union's quota may be set to: what it has handed down plus its own members' use. */
  minQuota: number;
  /** Unions directly below it (whose split can be opened). */
  childCount: number;
  /** Whether the reader may set this union's quota. */
  editable: boolean;
};

/** The quota page of one union: its own figures, the way up to the reader's own union, and its children's rows. */
export type RecuperationQuotaView = {
  year: number;
  union: RecuperationQuotaNode;
  /** From the reader's own union down to `union` (both included): the breadcrumb. */
  path: { unionId: string; unionName: string }[];
  children: { items: RecuperationQuotaNode[]; total: number; page: number; pageSize: number };
};

export const recuperationQuotaQuerySchema = pageQuerySchema.extend({
  year: z.coerce.number({ error: "年份应为数字" }).int("年份应为整数").min(2020, "年份不早于2020").max(2100, "年份不晚于2100").optional(),
  /** The union whose split is shown; the reader's own union when absent. */
  unionId: z.uuid({ error: "工会编号格式不正确" }).optional(),
  q: z.string().trim().max(50, "工会名称不超过50个字").optional(),
});
