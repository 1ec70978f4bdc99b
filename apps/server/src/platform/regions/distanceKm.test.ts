import { describe, expect, it } from "vitest";
import { distanceKm } from "./distanceKm";

describe("distanceKm", () => {
  it("is zero for the same point", () => {
    expect(distanceKm({ lng: 120.15, lat: 30.28 }, { lng: 120.15, lat: 30.28 })).toBe(0);
  });

  it("is symmetric", () => {
    const a = { lng: 119.04, lat: 29.61 };
    const b = { lng: 119.81, lat: 28.9 };
    expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
  });

  it("measures one degree of latitude as about 111.2 km", () => {
    expect(distanceKm({ lng: 120, lat: 30 }, { lng: 120, lat: 31 })).toBeCloseTo(111.2, 1);
  });

  it("shrinks a degree of longitude with the cosine of the latitude", () => {
    // At 30°N a degree of longitude is 111.2 × cos 30° ≈ 96.3 km.
    expect(distanceKm({ lng: 120, lat: 30 }, { lng: 121, lat: 30 })).toBeCloseTo(96.3, 1);
  });

  it("gives the known Hangzhou–Ningbo straight-line distance (about 145 km)", () => {
    const hangzhou = { lng: 120.1551, lat: 30.2741 };
    const ningbo = { lng: 121.5503, lat: 29.8746 };
    expect(distanceKm(hangzhou, ningbo)).toBeGreaterThan(140);
    expect(distanceKm(hangzhou, ningbo)).toBeLessThan(150);
  });

  it("gives half the Earth's circumference for antipodal points", () => {
    expect(distanceKm({ lng: 0, lat: 0 }, { lng: 180, lat: 0 })).toBeCloseTo(Math.PI * 6371.0088, 3);
  });
});
