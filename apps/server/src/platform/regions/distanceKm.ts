/** Mean Earth radius (IUGG), km. */
const earthRadiusKm = 6371.0088;

export type LngLat = { lng: number; lat: number };

const toRad = (deg: number) => (deg * Math.PI) / 180;

/**
 * Great-circle (haversine) distance in km between two points given in degrees. Straight-line, not
 * road distance: it only ranks who is nearer, and Zhejiang's roads bend roughly alike everywhere.
 * The seats are GCJ-02; its offset of a few hundred metres is far below what this is used for.
 */
export function distanceKm(a: LngLat, b: LngLat): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  // min() guards against rounding pushing h a hair above 1 for antipodal points.
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}
