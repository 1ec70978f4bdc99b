import type { RegionNode } from "@jiangxin/domain";
import { TreeSelect, type TreeSelectProps } from "antd";
import { useMemo } from "react";
import { toTreeOptions } from "../regionTree";

type CountyPickerProps = Omit<TreeSelectProps<string>, "treeData" | "loading" | "showSearch" | "treeDefaultExpandedKeys"> & {
  /** The user's own region: only its county-level units can be picked, and it opens expanded. */
  scope: RegionNode | null;
};

/**
 * The 县(市、区) field of a form (enterprise, expert home, session, training, agreement). A Form.Item
 * passes value and onChange; an onChange given here runs after the form's (to clear a dependent field).
 */
export function CountyPicker({ scope, ...rest }: CountyPickerProps) {
  const options = useMemo(() => (scope ? [toTreeOptions(scope, true)] : []), [scope]);
  return (
    <TreeSelect
      treeData={options}
      loading={!scope}
      placeholder="请选择"
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandedKeys={scope ? [scope.code] : []}
      {...rest}
    />
  );
}
