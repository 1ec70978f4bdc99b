import { TreeSelect } from "antd";
import { useMemo } from "react";
import { useIsMobile } from "../../../app/useIsMobile";
import { toTreeOptions } from "../../regions/regionTree";
import { useRegionScope } from "../../regions/useRegionScope";

/** The user's own region and the regions below it; nothing outside can be picked. */
export function RegionFilter({ value, onChange }: { value: string | undefined; onChange: (code: string | undefined) => void }) {
  const isMobile = useIsMobile();
  const { scope, isError } = useRegionScope();
  const options = useMemo(() => (scope ? [toTreeOptions(scope, false)] : []), [scope]);
  return (
    <TreeSelect
      value={value}
      treeData={options}
      allowClear
      placeholder={isError ? "区域加载失败" : "全部区域"}
      loading={!scope && !isError}
      showSearch={{ treeNodeFilterProp: "title" }}
      treeDefaultExpandedKeys={scope ? [scope.code] : []}
      style={{ width: isMobile ? "100%" : 220 }}
      onChange={onChange}
    />
  );
}
