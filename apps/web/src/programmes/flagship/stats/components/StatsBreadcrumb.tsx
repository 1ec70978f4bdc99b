import type { RegionNode } from "@jiangxin/domain";
import { Breadcrumb } from "antd";
import { findRegionPath } from "../../../../app/regions/regionTree";

/**
 * The drill path from the user's own region down to the one shown (浙江省 › 杭州市 › 淳安县); each
 * step above the last goes back up. A city user's path starts at its city.
 */
export function StatsBreadcrumb({ scope, regionCode, onSelect }: { scope: RegionNode; regionCode: string; onSelect: (code: string) => void }) {
  const path = findRegionPath(scope, regionCode);
  const steps = path.length > 0 ? path : [scope];
  return (
    <Breadcrumb
      style={{ marginBottom: 12, fontSize: 15 }}
      separator="›"
      items={steps.map((node, i) =>
        i === steps.length - 1
          ? { key: node.code, title: <strong>{node.name}</strong> }
          : {
              key: node.code,
              title: (
                <a
                  href={`#${node.code}`}
                  onClick={(event) => {
                    event.preventDefault();
                    onSelect(node.code);
                  }}
                >
                  {node.name}
                </a>
              ),
            },
      )}
    />
  );
}
