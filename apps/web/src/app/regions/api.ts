import { regionNodeSchema, type RegionNode } from "@jiangxin/domain";
import { request } from "../request";

/** The Zhejiang tree (province → cities → counties), with priority membership as of `on` (YYYY-MM-DD). */
export function fetchRegionTree(on: string | undefined, signal?: AbortSignal): Promise<RegionNode> {
  return request("/api/regions/tree", { query: { on }, schema: regionNodeSchema, signal });
}
