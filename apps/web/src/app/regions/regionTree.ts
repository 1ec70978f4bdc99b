import type { RegionNode } from "@jiangxin/domain";

/** Nodes from the root down to `code` (inclusive); empty when the code is not in the tree. */
export function findRegionPath(root: RegionNode, code: string): RegionNode[] {
  if (root.code === code) return [root];
  for (const child of root.children) {
    const path = findRegionPath(child, code);
    if (path.length > 0) return [root, ...path];
  }
  return [];
}

/**
 * The part of the tree a user works in: the whole province for province staff, one city with its
 * counties for city staff, a single county for county staff and enterprises. Mirrors the server's
 * scoping so filters never offer a region whose records the server would not return.
 */
export function regionScope(root: RegionNode, regionCode: string | null): RegionNode | null {
  if (regionCode === null) return null;
  return findRegionPath(root, regionCode).at(-1) ?? null;
}

/** County-level units at or under a node. */
export function countiesIn(node: RegionNode): RegionNode[] {
  if (node.level === "county") return [node];
  return node.children.flatMap(countiesIn);
}

export function regionNameIndex(root: RegionNode): Map<string, string> {
  const names = new Map<string, string>();
  const visit = (node: RegionNode) => {
    names.set(node.code, node.name);
    node.children.forEach(visit);
  };
  visit(root);
  return names;
}

export interface RegionTreeOption {
  value: string;
  title: string;
  selectable: boolean;
  children?: RegionTreeOption[];
}

/** antd TreeSelect data; `onlyCounties` makes cities and the province group headers only. */
export function toTreeOptions(node: RegionNode, onlyCounties: boolean): RegionTreeOption {
  return {
    value: node.code,
    title: node.name,
    selectable: !onlyCounties || node.level === "county",
    children: node.children.length > 0 ? node.children.map((child) => toTreeOptions(child, onlyCounties)) : undefined,
  };
}
