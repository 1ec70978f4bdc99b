import { sessionLinkableStatuses, type Problem } from "@jiangxin/domain";

/** The largest page the problem list answers; a fuller page means there may be more than we show. */
export const candidatePageSize = 200;

export interface LinkCandidates {
  items: Problem[];
  /** Some enterprise had more waiting problems than one page holds: the list is not complete. */
  truncated: boolean;
}

/**
 * The problems a session may take on, from the problem list's pages (one per visited enterprise and
 * linkable status): waiting for a visit and on no session yet, each once; by enterprise as the session
 * lists them, then oldest first (it has waited longest).
 */
export function linkCandidates(pages: readonly { items: readonly Problem[]; total: number }[], enterpriseOrder: readonly string[]): LinkCandidates {
  const seen = new Set<string>();
  const items: Problem[] = [];
  for (const page of pages) {
    for (const p of page.items) {
      if (seen.has(p.id) || p.sessionId !== null || !sessionLinkableStatuses.includes(p.status)) continue;
      seen.add(p.id);
      items.push(p);
    }
  }
  const rank = (enterpriseId: string) => {
    const i = enterpriseOrder.indexOf(enterpriseId);
    return i < 0 ? enterpriseOrder.length : i;
  };
  items.sort((a, b) => rank(a.enterpriseId) - rank(b.enterpriseId) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { items, truncated: pages.some((page) => page.total > page.items.length) };
}
