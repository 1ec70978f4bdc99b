import type { NearbyStation } from "@jiangxin/domain";
import { Skeleton } from "antd";
import { lazy, Suspense } from "react";
import { useMapTiles } from "../../../app/maps/useMapTiles";

// Each map is its own chunk: the finder without tiles never downloads Leaflet, with tiles never echarts.
const StationMap = lazy(() => import("./StationMap"));
const StationTileMap = lazy(() => import("./StationTileMap"));

/**
 * The finder's map: on the tile base map when the server has one (JIANGXIN_MAP_TILES), otherwise — the
 * default, the demo, or when the setting cannot be read — on the county outlines that ship with the app.
 */
export function FinderMap(props: {
  stations: NearbyStation[];
  here: { lng: number; lat: number } | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onOpen: (id: string) => void;
}) {
  const { pending, tiles } = useMapTiles();
  const placeholder = <Skeleton.Node active style={{ width: "100%", height: 320 }} />;
  if (pending) return placeholder;
  return (
    <Suspense fallback={placeholder}>
      {tiles ? <StationTileMap tiles={tiles} {...props} /> : <StationMap stations={props.stations} here={props.here} onOpen={props.onOpen} />}
    </Suspense>
  );
}
