import { AimOutlined, EnvironmentOutlined, WarningOutlined } from "@ant-design/icons";
import { amenityFilterLabels, amenityKeys, amenityLabels, type AmenityFilterKey, type NearbyStation, type RegionNode } from "@jiangxin/domain";
import { useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Empty, Flex, Select, Skeleton, Space, Tag, Typography } from "antd";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { ApiError } from "../../../app/ApiError";
import { QueryErrorResult } from "../../../app/components/QueryErrorResult";
import { fetchPublicRegions } from "../../../modules/me/api";
import { PublicLayout } from "../../../modules/public/components/PublicLayout";
import { changeText, stationsApi } from "../api";
import { FinderMap } from "../components/FinderMap";
import { StateTag } from "../components/StateTag";
import { wgs84ToGcj02 } from "../../../app/maps/wgs84ToGcj02";

/** The toggles a rider needs most, in the order they ask for them. */
const toggles: AmenityFilterKey[] = ["charging", "drinkableWater", "toilet", "microwave", "airConditioning", "seating"];

type Origin = { lng: number; lat: number; label: string };

function countiesOf(root: RegionNode): { code: string; name: string; city: string; lng: number; lat: number }[] {
  return root.children.flatMap((city) => city.children.flatMap((c) => (c.lng !== null && c.lat !== null ? [{ code: c.code, name: c.name, city: city.name, lng: c.lng, lat: c.lat }] : [])));
}

/**
 * 附近的户外劳动者服务站 (no login, a phone in the street): one tap for the open stations nearest the
 * phone, or a county picked by hand; big filter toggles; the list and the map show the same stations.
 */
export function StationFinderPage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [locating, setLocating] = useState(false);
  const origin: Origin | null = params.get("lng") && params.get("lat") ? { lng: Number(params.get("lng")), lat: Number(params.get("lat")), label: params.get("at") ?? "所选位置" } : null;
  const openNow = params.get("all") !== "1";
  const amenities = (params.get("amenities") ?? "").split(",").filter(Boolean) as AmenityFilterKey[];
  useEffect(() => {
    document.title = "附近的户外劳动者服务站 - 浙江省总工会";
  }, []);

  const set = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) if (v === null || v === "") p.delete(k);
    else p.set(k, v);
    setParams(p, { replace: true });
  };
  const regions = useQuery({ queryKey: ["public", "regions"], queryFn: ({ signal }) => fetchPublicRegions(signal), staleTime: 60 * 60_000 });
  const counties = useMemo(() => (regions.data ? countiesOf(regions.data) : []), [regions.data]);
  const query = origin ? { lng: Number(origin.lng.toFixed(5)), lat: Number(origin.lat.toFixed(5)), amenities: amenities.join(",") || undefined, openNow: openNow ? (1 as const) : undefined, limit: 10 } : null;
  const nearby = useQuery({ queryKey: ["public", "stations", "nearby", query], queryFn: ({ signal }) => stationsApi.nearby(query ?? { lng: 0, lat: 0 }, signal), enabled: query !== null });

  const locate = () => {
    if (!("geolocation" in navigator)) return void message.warning("此浏览器无法定位，请选择所在县(市、区)");
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const g = wgs84ToGcj02(pos.coords.longitude, pos.coords.latitude);
        set({ lng: g.lng.toFixed(5), lat: g.lat.toFixed(5), at: "我的位置", all: null });
      },
      () => {
        setLocating(false);
        void message.warning("无法获取位置(未授权或信号弱)，请选择所在县(市、区)");
      },
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    );
  };
  const open = useCallback((id: string) => void navigate(`/public/stations/${id}`), [navigate]);
  // The pin tapped on a tile map: highlighted there and in the list.
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const items = nearby.data?.items ?? [];
  // The position is this page's one typed input (the phone's location, or lng/lat in a shared link): the
  // server's message about it (outside China, not a number) belongs under the location controls, not in a
  // 加载失败 page whose 重试 would ask the same again.
  const positionError = nearby.error instanceof ApiError ? (nearby.error.fields.lng ?? nearby.error.fields.lat ?? null) : null;

  return (
    <PublicLayout title="附近的户外劳动者服务站">
      <Typography.Paragraph type="secondary" style={{ marginTop: -8 }}>
        快递员、外卖骑手、环卫和建筑工人歇脚、喝水、充电、热饭的地方。开放时间和设施注明了最近一次核实的日期。
      </Typography.Paragraph>
      <Flex vertical gap={12}>
        <Button type="primary" size="large" block icon={<AimOutlined />} loading={locating} onClick={locate} style={{ height: 56, fontSize: 18 }} data-testid="locate">
          附近开放的站点
        </Button>
        <Select
          size="large"
          showSearch={{ optionFilterProp: "label" }}
          placeholder="或选择所在县(市、区)"
          aria-label="选择县(市、区)"
          loading={regions.isPending}
          value={null}
          options={counties.map((c) => ({ value: c.code, label: `${c.city} ${c.name}` }))}
          onChange={(code: string) => {
            const c = counties.find((x) => x.code === code);
            if (c) set({ lng: c.lng.toFixed(5), lat: c.lat.toFixed(5), at: `${c.name}城区` });
          }}
        />
        {positionError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            data-testid="position-error"
            message={`${origin?.label ?? "所选位置"}无法查找站点`}
            description={
              // The phone's own fix was not typed by anyone: "check whether longitude and latitude are swapped" would mislead.
              origin?.label === "我的位置"
                ? `手机定位的位置不在中国境内(经度${origin.lng}，纬度${origin.lat})，附近没有可查的服务站。请选择所在县(市、区)。`
                : `${positionError}。请选择所在县(市、区)。`
            }
          />
        ) : null}
        <Flex wrap gap={8} role="group" aria-label="筛选">
          <Button size="large" type={openNow ? "primary" : "default"} aria-pressed={openNow} onClick={() => set({ all: openNow ? "1" : null })}>
            现在开放
          </Button>
          {toggles.map((k) => {
            const on = amenities.includes(k);
            return (
              <Button key={k} size="large" type={on ? "primary" : "default"} aria-pressed={on} onClick={() => set({ amenities: (on ? amenities.filter((a) => a !== k) : [...amenities, k]).join(",") })}>
                {amenityFilterLabels[k]}
              </Button>
            );
          })}
        </Flex>
      </Flex>

      <div style={{ marginTop: 16 }}>
        {!origin ? (
          <Empty image={<EnvironmentOutlined style={{ fontSize: 48, color: "#bfbfbf" }} />} description="点“附近开放的站点”或选择县(市、区)" />
        ) : nearby.isPending ? (
          <Skeleton active />
        ) : positionError ? null : nearby.isError ? (
          <QueryErrorResult error={nearby.error} onRetry={() => void nearby.refetch()} />
        ) : items.length === 0 ? (
          <Empty description={openNow ? "附近50公里内没有现在开放且符合条件的站点，可取消“现在开放”再看" : "附近50公里内没有符合条件的站点"} />
        ) : (
          <Flex vertical gap={12}>
            <Typography.Text type="secondary">
              离{origin.label}最近的 {items.length} 个站点{openNow ? "(现在开放)" : ""}
            </Typography.Text>
            <FinderMap stations={items} here={origin} selectedId={selectedId} onSelect={setSelectedId} onOpen={open} />
            {items.map((s, i) => (
              <StationCard key={s.id} s={s} n={i + 1} selected={s.id === selectedId} onOpen={open} />
            ))}
          </Flex>
        )}
      </div>
    </PublicLayout>
  );
}

function distanceText(m: number): string {
  return m < 1000 ? `${m} 米` : `${(m / 1000).toFixed(1)} 公里`;
}

function StationCard({ s, n, selected, onOpen }: { s: NearbyStation; n: number; selected: boolean; onOpen: (id: string) => void }) {
  const next = changeText(s.nextChange);
  return (
    <Card
      hoverable
      onClick={() => onOpen(s.id)}
      styles={{ body: { padding: 14 } }}
      style={selected ? { borderColor: "#1d39c4", boxShadow: "0 0 0 2px rgba(29,57,196,.25)" } : undefined}
      data-testid="station-card"
      data-station-id={s.id}
      data-selected={selected}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Typography.Text strong style={{ fontSize: 16 }}>
            {n}. {s.name}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 13 }}>
            {distanceText(s.distanceM)} · {s.address}
          </Typography.Text>
        </div>
        <StateTag state={s.state} makeUpWorkday={s.makeUpWorkday} />
      </Flex>
      <Space size={[4, 4]} wrap style={{ marginTop: 8 }}>
        {s.is24h ? <Tag color="blue">24小时</Tag> : next ? <Tag>{s.state === "open" ? `${next} 关门` : `${next} 开门`}</Tag> : null}
        {amenityKeys
          .filter((k) => k in s.amenities)
          .map((k) => (
            <Tag key={k} bordered={false}>
              {k === "water" && s.water === "drinkable" ? "可直饮水" : amenityLabels[k]}
            </Tag>
          ))}
      </Space>
      {s.lockReported ? <Alert type="warning" showIcon icon={<WarningOutlined />} style={{ marginTop: 8 }} message="有人报告开放时间内锁门，工会正在核实" /> : null}
    </Card>
  );
}
