import type { MapDatum } from "@jiangxin/domain";
import gcoord from "gcoord";

/**
 * A place the app stores (GCJ-02, as picked on 高德) in the datum a tile set is drawn in: unchanged on
 * GCJ-02 tiles (高德), converted on WGS-84 ones (天地图's CGCS2000, OpenStreetMap) — drawn unconverted,
 * a station would sit a few hundred metres off its street. gcoord inverts the published GCJ-02 formula
 * iteratively (to 1e-6°, about 0.1 m); outside China GCJ-02 equals WGS-84.
 */
export function gcj02To(datum: MapDatum, lng: number, lat: number): { lng: number; lat: number } {
  if (datum === "gcj02") return { lng, lat };
  const [wLng = lng, wLat = lat] = gcoord.transform([lng, lat], gcoord.GCJ02, gcoord.WGS84);
  return { lng: wLng, lat: wLat };
}

/**
 * Outlines stored in GCJ-02 (the bundled county boundaries) on the tile set's datum: a converted copy,
 * since the bundled files are shared with every map that draws them.
 */
export function gcj02GeoJsonTo<T extends object>(datum: MapDatum, geojson: T): T {
  if (datum === "gcj02") return geojson;
  return gcoord.transform(structuredClone(geojson) as unknown as Parameters<typeof gcoord.transform>[0], gcoord.GCJ02, gcoord.WGS84) as unknown as T;
}
