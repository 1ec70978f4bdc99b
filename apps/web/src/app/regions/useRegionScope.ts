import type { RegionNode } from "@jiangxin/domain";
import { useMemo } from "react";
import { useSession } from "../session";
import { regionScope } from "./regionTree";
import { useRegionTree } from "./useRegionTree";

/** The user's own part of today's region tree (see regionScope), plus the query state behind it. */
export function useRegionScope() {
  const { user } = useSession();
  const tree = useRegionTree();
  const scope = useMemo<RegionNode | null>(
    () => (tree.data ? regionScope(tree.data, user.regionCode) : null),
    [tree.data, user.regionCode],
  );
  return { ...tree, scope };
}
