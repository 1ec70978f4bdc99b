import { describe, expect, it } from "vitest";
import { wgs84ToGcj02 } from "./wgs84ToGcj02";

describe("wgs84ToGcj02: a phone's position on the stations' datum", () => {
  it("matches the published vector of the GCJ-02 formula (coordtransform's README, 天安门)", () => {
    expect(wgs84ToGcj02(116.404, 39.915)).toEqual({ lng: 116.41024449916938, lat: 39.91640428150164 });
  });
});
