import { auditActionLabels, auditObjectLabels } from "@jiangxin/domain";

/** The page an audit row's object opens on, for the object types that have one. */
const objectPages: Record<string, string> = {
  enterprise: "/enterprises",
  expert: "/experts",
  person: "/people",
  union: "/unions",
  demandList: "/demand-lists",
  problem: "/problems",
  serviceSession: "/service-sessions",
  agreement: "/agreements",
  campaign: "/campaigns",
};

/** The object as the log names it: its type in Chinese, and its page when it has one. */
export function auditObjectOf(objectType: string, objectId: string | null): { label: string; href: string | null } {
  const page = objectPages[objectType];
  return { label: auditObjectLabels[objectType] ?? objectType, href: page && objectId ? `${page}/${encodeURIComponent(objectId)}` : null };
}

/**
 * The action filter's choices: every named action, by its Chinese name in Chinese collation order,
 * the code kept only for search (a staff member may have one from a spreadsheet).
 */
export const auditActionOptions: { value: string; label: string }[] = Object.entries(auditActionLabels)
  .map(([value, label]) => ({ value, label }))
  .sort((a, b) => a.label.localeCompare(b.label, "zh-Hans-CN"));
