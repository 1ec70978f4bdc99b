import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useIsMobile } from "../../useIsMobile";
import { toTreeOptions } from "../regionTree";
import { useRegionScope } from "../useRegionScope";

interface RegionFilterSelectProps {
  value: string | undefined;
  onChange: (code: string | undefined) => void;
  /** Width on wide screens; phones get `mobileWidth`. */
  width: number;
  mobileWidth?: string;
  placeholder?: string;
  /** Offer the whole province instead of only the user's own part (for province-wide pools such as experts). */
  wholeTree?: boolean;
  "aria-label"?: string;
}

/**
 * The region filter of list pages: by default the user's own region and the regions below it, so
 * nothing is offered that the server would not return; absent when that region has none below it.
 */
export function RegionFilterSelect({ value, onChange, width, mobileWidth = "100%", placeholder = "全部区域", wholeTree = false, "aria-label": ariaLabel }: RegionFilterSelectProps) {
  const isMobile = useIsMobile();
  const { scope, data: tree, isError } = useRegionScope();
  const root = wholeTree ? tree : scope;
  const options = useMemo(() => (root ? [toTreeOptions(root, false)] : []), [root]);
  // A county's staff, an enterprise or an expert have one region and nothing to choose: a filter
  // offering only their own county ("全部区域" → 淳安县) is noise on their lists. Kept while a value is set.
  if (!wholeTree && scope && scope.children.length === 0 && value === undefined) return null;
  return (
    <TreeSelect
      aria-label={ariaLabel}
      value={value}
      treeData={options}
      allowClear
      placeholder={isError ? "区域加载失败" : placeholder}
      loading={!root && !isError}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandedKeys={scope ? [scope.code] : []}
      style={{ width: isMobile ? mobileWidth : width }}
      onChange={onChange}
    />
  );
}
