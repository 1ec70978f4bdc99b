import { z } from "zod";

/**
 * The datum a tile set is drawn in. 天地图 uses CGCS2000, which differs from WGS-84 by centimetres
 * (treated as WGS-84); 高德 uses GCJ-02, the offset datum Chinese maps must use. Coordinates the app
 * stores (stations, county seats) are GCJ-02, so a WGS-84 tile set needs them converted.
 */
export const mapDatums = ["wgs84", "gcj02"] as const;
export type MapDatum = (typeof mapDatums)[number];

export const mapTileProviders = ["tianditu", "amap", "custom"] as const;
export type MapTileProvider = (typeof mapTileProviders)[number];

/** One raster layer, Web Mercator XYZ: a Leaflet URL template ({s} {x} {y}|{-y} {z}), any key already in it. */
export const mapTileLayerSchema = z.object({
  url: z.string(),
  /** The letters or digits {s} takes, one per host ("01234567" for 天地图); empty when the URL has no {s}. */
  subdomains: z.string(),
});
export type MapTileLayer = z.infer<typeof mapTileLayerSchema>;

/** A configured tile base map: what the browser needs to draw it, and nothing else. */
export const mapTilesSchema = z.object({
  provider: z.enum(mapTileProviders),
  /** Drawn in order: the base map first, then overlays (天地图's annotation layer with the place names). */
  layers: z.array(mapTileLayerSchema).min(1),
  datum: z.enum(mapDatums),
  maxZoom: z.number().int().min(1).max(22),
  /** Shown in the map's corner, as the provider's terms ask. */
  attribution: z.string(),
});
export type MapTiles = z.infer<typeof mapTilesSchema>;

/** GET /api/public/map-tiles: `tiles` is null when none is configured (the maps draw the offline outlines). */
export const mapTilesAnswerSchema = z.object({ tiles: mapTilesSchema.nullable() });
export type MapTilesAnswer = z.infer<typeof mapTilesAnswerSchema>;
