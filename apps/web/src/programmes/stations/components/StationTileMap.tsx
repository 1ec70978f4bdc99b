import type { MapDatum, MapTiles, NearbyStation } from "@jiangxin/domain";
import { Button, Flex, Typography } from "antd";
import L from "leaflet";
import "leaflet/dist/leaflet.css";
import { useEffect, useMemo, useRef, useState } from "react";
import { gcj02GeoJsonTo, gcj02To } from "../../../app/maps/gcj02To";
import { loadRegionGeoJson } from "../../../app/regions/regionMapFiles";
import { StateTag } from "./StateTag";

const stateColour = { open: "#389e0d", closed: "#8c8c8c", unknown: "#d48806" } as const;

type Point = { lng: number; lat: number };

const toLatLng = (datum: MapDatum, p: Point) => {
  const q = gcj02To(datum, p.lng, p.lat);
  return L.latLng(q.lat, q.lng);
};

/** A numbered pin: built as an element (a station's name never becomes HTML), the selected one larger and outlined. */
function pin(n: number, s: NearbyStation, selected: boolean): L.DivIcon {
  const size = selected ? 34 : 26;
  const el = document.createElement("div");
  el.textContent = String(n);
  el.dataset.testid = "map-marker";
  el.dataset.stationId = s.id;
  el.dataset.selected = String(selected);
  Object.assign(el.style, {
    width: `${size}px`,
    height: `${size}px`,
    lineHeight: `${size - 4}px`,
    borderRadius: "50%",
    textAlign: "center",
    color: "#fff",
    fontWeight: "600",
    fontSize: selected ? "15px" : "12px",
    background: stateColour[s.state],
    border: selected ? "2px solid #1d39c4" : "2px solid #fff",
    boxShadow: selected ? "0 0 0 3px rgba(29,57,196,.35)" : "0 1px 3px rgba(0,0,0,.4)",
    boxSizing: "border-box",
  });
  return L.divIcon({ html: el, className: "", iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

/** A county's name on the outlines drawn when the tiles cannot load, as the offline map writes it. */
function countyLabel(name: string): L.DivIcon {
  const el = document.createElement("div");
  el.textContent = name;
  Object.assign(el.style, { position: "absolute", color: "#8c8c8c", fontSize: "11px", whiteSpace: "nowrap", transform: "translate(-50%, -50%)" });
  return L.divIcon({ html: el, className: "", iconSize: [0, 0] });
}

function centreOf(feature: unknown): [number, number] | null {
  const props = typeof feature === "object" && feature !== null && "properties" in feature ? (feature.properties as { center?: unknown; name?: unknown }) : null;
  const c = props?.center;
  return Array.isArray(c) && typeof c[0] === "number" && typeof c[1] === "number" ? [c[0], c[1]] : null;
}

/**
 * The finder's map on a tile base map (JIANGXIN_MAP_TILES): the same numbered stations as the list, the
 * tapped one selected (highlighted here and in the list, its summary under the map), and the user's
 * position. Stored places are GCJ-02; each is drawn on the tiles' datum (gcj02To). Leaflet, not
 * MapLibre: the tiles are raster, Leaflet draws them without WebGL (old phones, headless browsers) at
 * about a fifth of the size, and this file is its only importer, loaded only when tiles are configured.
 * When the base map's tiles do not load (no internet), the pins stay, a notice says so, and the county
 * outlines that ship with the app are drawn under them, as on the offline map.
 */
export default function StationTileMap({
  tiles,
  stations,
  here,
  selectedId,
  onSelect,
  onOpen,
}: {
  tiles: MapTiles;
  stations: NearbyStation[];
  here: Point | null;
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  onOpen: (id: string) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<L.Map | null>(null);
  const [baseDown, setBaseDown] = useState(false);

  useEffect(() => {
    if (!box.current) return;
    const m = L.map(box.current, { zoomControl: false, attributionControl: false, maxZoom: tiles.maxZoom, minZoom: 5 });
    L.control.zoom({ zoomInTitle: "放大", zoomOutTitle: "缩小" }).addTo(m);
    L.control.attribution({ prefix: false }).addTo(m);
    // The fallback outlines lie above the (failed) tiles and below the user's dot and the pins.
    const outlinePane = m.createPane("outlines");
    outlinePane.style.zIndex = "350";
    // Counted per round of loading (a pan or zoom starts one): a round where tiles fail and none loads
    // means no base map; one tile loading (the connection came back) clears the notice.
    let loaded = 0;
    tiles.layers.forEach((layer, i) => {
      const tileLayer = L.tileLayer(layer.url, { subdomains: layer.subdomains || "abc", maxZoom: tiles.maxZoom, attribution: i === 0 ? tiles.attribution : "" });
      if (i === 0) {
        tileLayer.on("loading", () => (loaded = 0));
        tileLayer.on("tileload", () => {
          loaded += 1;
          setBaseDown(false);
        });
        tileLayer.on("tileerror", () => {
          if (loaded === 0) setBaseDown(true);
        });
      }
      tileLayer.addTo(m);
    });
    m.on("click", () => onSelect(null));
    setMap(m);
    return () => {
      m.remove();
      setMap(null);
    };
    // onSelect is the page's state setter (stable): the map is rebuilt only for another tile setting.
  }, [tiles, onSelect]);

  const datum = tiles.datum;
  // The page parses the position from its address on every render: compared by value, so tapping a pin
  // (a re-render) does not re-frame the map the user has panned.
  const hereLng = here?.lng;
  const hereLat = here?.lat;

  // Framed on the stations and the user when they change, not when a pin is tapped.
  useEffect(() => {
    if (!map) return;
    const user = hereLng !== undefined && hereLat !== undefined ? [{ lng: hereLng, lat: hereLat }] : [];
    const points = [...stations, ...user].map((p) => toLatLng(datum, p));
    if (points.length) map.fitBounds(L.latLngBounds(points), { padding: [28, 28], maxZoom: 16 });
  }, [map, stations, hereLng, hereLat, datum]);

  useEffect(() => {
    if (!map) return;
    const layer = L.layerGroup().addTo(map);
    if (hereLng !== undefined && hereLat !== undefined) L.circleMarker(toLatLng(datum, { lng: hereLng, lat: hereLat }), { radius: 7, color: "#fff", weight: 2, fillColor: "#1677ff", fillOpacity: 1 }).bindTooltip("我的位置").addTo(layer);
    stations.forEach((s, i) => {
      const selected = s.id === selectedId;
      L.marker(toLatLng(datum, s), { icon: pin(i + 1, s, selected), title: `${i + 1}. ${s.name}`, keyboard: true, zIndexOffset: selected ? 1000 : 0 })
        .on("click", (e) => {
          L.DomEvent.stopPropagation(e);
          onSelect(s.id);
        })
        .addTo(layer);
    });
    return () => {
      layer.remove();
    };
  }, [map, stations, hereLng, hereLat, selectedId, datum, onSelect]);

  // The cities the stations are in (a 50 km radius can cross a city's edge).
  const cityCodes = useMemo(() => [...new Set(stations.map((s) => `${s.countyCode.slice(0, 4)}00`))].join(","), [stations]);
  useEffect(() => {
    if (!map || !baseDown || !cityCodes) return;
    let alive = true;
    const layer = L.layerGroup().addTo(map);
    void Promise.all(cityCodes.split(",").map((code) => loadRegionGeoJson(code).catch(() => null))).then((files) => {
      if (!alive) return;
      for (const json of files) {
        if (!json || typeof json !== "object") continue;
        const outlines = gcj02GeoJsonTo(datum, json);
        L.geoJSON(outlines as Parameters<typeof L.geoJSON>[0], { pane: "outlines", interactive: false, style: { color: "#bfbfbf", weight: 1, fillColor: "#f5f5f5", fillOpacity: 1 } }).addTo(layer);
        const features = "features" in outlines && Array.isArray(outlines.features) ? (outlines.features as unknown[]) : [];
        for (const feature of features) {
          const centre = centreOf(feature);
          const name = (feature as { properties?: { name?: unknown } }).properties?.name;
          // Leaflet stacks a marker by its pixel row, negative above the map's origin, which would put a
          // name under the outlines' SVG: lifted so every name is over the polygons of its own pane.
          if (centre && typeof name === "string") L.marker([centre[1], centre[0]], { icon: countyLabel(name), pane: "outlines", interactive: false, keyboard: false, zIndexOffset: 100_000 }).addTo(layer);
        }
      }
    });
    return () => {
      alive = false;
      layer.remove();
    };
  }, [map, baseDown, cityCodes, datum]);

  const selectedIndex = stations.findIndex((s) => s.id === selectedId);
  const selected = stations[selectedIndex];
  return (
    <div>
      <div style={{ position: "relative" }}>
        <div ref={box} data-testid="station-tile-map" style={{ width: "100%", height: 320, background: "#eef0f2", borderRadius: 8 }} />
        {baseDown ? (
          <div
            role="status"
            data-testid="basemap-unavailable"
            style={{ position: "absolute", top: 8, left: 52, right: 8, zIndex: 1000, padding: "4px 8px", fontSize: 12, lineHeight: "18px", color: "#874d00", background: "rgba(255,251,230,.95)", border: "1px solid #ffe58f", borderRadius: 4 }}
          >
            底图暂时无法加载(可能没有网络)，站点的位置和编号仍与列表一致
          </div>
        ) : null}
      </div>
      {selected ? (
        <Flex align="center" justify="space-between" gap={8} data-testid="map-selection" style={{ marginTop: 8, padding: "8px 12px", background: "#f0f5ff", borderRadius: 8 }}>
          <div style={{ minWidth: 0 }}>
            <Typography.Text strong ellipsis style={{ display: "block" }}>
              {selectedIndex + 1}. {selected.name}
            </Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ display: "block", fontSize: 12 }}>
              {selected.address}
            </Typography.Text>
          </div>
          <Flex align="center" gap={8} style={{ flexShrink: 0 }}>
            <StateTag state={selected.state} />
            <Button type="primary" onClick={() => onOpen(selected.id)}>
              查看
            </Button>
          </Flex>
        </Flex>
      ) : null}
    </div>
  );
}
