import { describe, expect, it } from "vitest";
import { gcj02GeoJsonTo, gcj02To } from "./gcj02To";

// The published vector of the GCJ-02 formula (coordtransform's README, 天安门): WGS-84 (116.404, 39.915)
// is GCJ-02 (116.41024449916938, 39.91640428150164).
const wgs = { lng: 116.404, lat: 39.915 };
const gcj = { lng: 116.41024449916938, lat: 39.91640428150164 };
const metres = (a: { lng: number; lat: number }, b: { lng: number; lat: number }) =>
  Math.hypot((a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180), (a.lat - b.lat) * 110_574);

describe("gcj02To: a stored GCJ-02 place on the tile set's datum", () => {
  it("on WGS-84 tiles (天地图) goes back the few hundred metres GCJ-02 added, to within 0.1 m of the published pair", () => {
    expect(metres(gcj, wgs)).toBeGreaterThan(500);
    expect(metres(gcj02To("wgs84", gcj.lng, gcj.lat), wgs)).toBeLessThan(0.1);
  });

  it("on GCJ-02 tiles (高德) is drawn where it is stored", () => {
    expect(gcj02To("gcj02", gcj.lng, gcj.lat)).toEqual(gcj);
  });
});

describe("gcj02GeoJsonTo: the bundled outlines on the tile set's datum", () => {
  it("converts a copy on WGS-84 tiles (the shared file is left as it is) and leaves GCJ-02 as it is", () => {
    const outline = { type: "Feature", properties: { name: "天安门" }, geometry: { type: "Point", coordinates: [gcj.lng, gcj.lat] } };
    const drawn = gcj02GeoJsonTo("wgs84", outline);
    const [lng = 0, lat = 0] = drawn.geometry.coordinates;
    expect(metres({ lng, lat }, wgs)).toBeLessThan(0.1);
    expect(outline.geometry.coordinates).toEqual([gcj.lng, gcj.lat]);
    expect(gcj02GeoJsonTo("gcj02", outline)).toBe(outline);
  });
});
