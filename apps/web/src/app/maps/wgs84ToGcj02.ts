import gcoord from "gcoord";

/**
 * A phone's GPS gives WGS-84; Chinese maps (高德, and the stations' coordinates as entered from them) use
 * GCJ-02, offset by a few hundred metres. The published conversion formula (gcoord), so "nearest" is nearest.
 */
export function wgs84ToGcj02(lng: number, lat: number): { lng: number; lat: number } {
  const [gLng = lng, gLat = lat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02);
  return { lng: gLng, lat: gLat };
}
