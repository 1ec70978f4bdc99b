import type { NearbyStation } from "@jiangxin/domain";
import { useEffect, useRef, useState } from "react";
import { echarts, loadCityMap } from "./stationMapCore";

const stateColour = { open: "#389e0d", closed: "#8c8c8c", unknown: "#d48806" } as const;

/**
 * The same stations as the list, on the county outlines of the city they are in (offline: the outlines
 * ship with the app). Numbers match the list's; tapping a point opens the station.
 */
export default function StationMap({ stations, here, onOpen }: { stations: NearbyStation[]; here: { lng: number; lat: number } | null; onOpen: (id: string) => void }) {
  const box = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const first = stations[0];
  const cityCode = first ? `${first.countyCode.slice(0, 4)}00` : null;

  useEffect(() => {
    if (!box.current || !cityCode) return;
    const chart = echarts.init(box.current, undefined, { renderer: "canvas" });
    let alive = true;
    const points = [...stations.map((s) => [s.lng, s.lat]), ...(here ? [[here.lng, here.lat]] : [])];
    const lngs = points.map((p) => p[0] ?? 0);
    const lats = points.map((p) => p[1] ?? 0);
    const pad = 0.01;
    loadCityMap(cityCode)
      .then((map) => {
        if (!alive) return;
        chart.setOption({
          tooltip: { trigger: "item", formatter: (p: { name: string }) => p.name },
          geo: {
            map,
            roam: true,
            // Framed on the stations (and the user), not the whole city: the points stay apart.
            boundingCoords: [
              [Math.min(...lngs) - pad, Math.max(...lats) + pad],
              [Math.max(...lngs) + pad, Math.min(...lats) - pad],
            ],
            itemStyle: { areaColor: "#f5f5f5", borderColor: "#bfbfbf" },
            label: { show: true, color: "#bfbfbf", fontSize: 10 },
            emphasis: { disabled: true },
          },
          series: [
            {
              type: "scatter",
              coordinateSystem: "geo",
              symbolSize: 22,
              label: { show: true, formatter: (p: { dataIndex: number }) => String(p.dataIndex + 1), color: "#fff", fontSize: 11 },
              data: stations.map((s) => ({ name: s.name, value: [s.lng, s.lat], id: s.id, itemStyle: { color: stateColour[s.state] } })),
            },
            ...(here ? [{ type: "scatter", coordinateSystem: "geo", symbol: "circle", symbolSize: 12, itemStyle: { color: "#1677ff", borderColor: "#fff", borderWidth: 2 }, data: [{ name: "我的位置", value: [here.lng, here.lat] }] }] : []),
          ],
        });
        chart.on("click", (p) => {
          const id = (p.data as { id?: string } | undefined)?.id;
          if (id) onOpen(id);
        });
      })
      .catch(() => setFailed(true));
    const resize = () => chart.resize();
    window.addEventListener("resize", resize);
    return () => {
      alive = false;
      window.removeEventListener("resize", resize);
      chart.dispose();
    };
  }, [stations, here, cityCode, onOpen]);

  if (failed) return <div style={{ padding: 16, color: "#888" }}>地图加载失败，请看列表</div>;
  return <div ref={box} data-testid="station-map" style={{ width: "100%", height: 320, background: "#fff", borderRadius: 8 }} />;
}
