import type { RegionNode } from "@jiangxin/domain";

export interface RegionFilter {
  priorityOnly: boolean;
  /** Matches a name fragment or a code prefix. */
  text: string;
}

/** Keeps the counties that pass the filter and the cities and province above them; null if none pass. */
export function filterRegionTree(node: RegionNode, filter: RegionFilter): RegionNode | null {
  const text = filter.text.trim();
  if (node.level === "county") {
    if (filter.priorityOnly && node.priority.length === 0) return null;
    if (text && !node.name.includes(text) && !node.code.startsWith(text)) return null;
    return node;
  }
  // A matching city name keeps all its (priority-filtered) counties, so "温州" lists Wenzhou's counties.
  const selfMatches = text !== "" && (node.name.includes(text) || node.code.startsWith(text));
  const children = node.children
    .map((child) => filterRegionTree(child, selfMatches ? { ...filter, text: "" } : filter))
    .filter((child): child is RegionNode => child !== null);
  if (children.length === 0) return null;
  return { ...node, children };
}

/** Codes of every node that has children: expanding them all shows a filtered result in full. */
export function parentCodes(node: RegionNode): string[] {
  if (node.children.length === 0) return [];
  return [node.code, ...node.children.flatMap(parentCodes)];
}
