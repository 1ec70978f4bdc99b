import type { NearbyResult, PublicStation, Station, StationInput, StationReport, StationStats } from "@jiangxin/domain";
import { nearbyResultSchema, publicStationPhotosSchema, publicStationSchema, stationReportSchema, stationSchema, stationStatsSchema } from "@jiangxin/domain";
import { request, type Parser } from "../../app/request";

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
const as = <T,>(): Parser<T> => ({ parse: (d) => d as T });
const e = encodeURIComponent;

export const stationKeys = { all: ["stations"] as const };

/** The stations API: the public finder, check-in and reports (no login), and the staff pages. */
export const stationsApi = {
  nearby: (query: { lng: number; lat: number; amenities?: string; openNow?: 1; limit?: number; within?: number }, signal?: AbortSignal): Promise<NearbyResult> =>
    request("/api/public/stations/nearby", { query, schema: nearbyResultSchema, signal }),
  publicStation: (id: string, signal?: AbortSignal): Promise<PublicStation> => request(`/api/public/stations/${e(id)}`, { schema: publicStationSchema, signal }),
  photos: (id: string, signal?: AbortSignal) => request(`/api/public/stations/${e(id)}/photos`, { schema: publicStationPhotosSchema, signal }),
  photoUrl: (id: string, photoId: string, part: "thumbnail" | "content") => `/api/public/stations/${e(id)}/photos/${e(photoId)}/${part}`,
  checkIn: (id: string, occupation: string) => request(`/api/public/stations/${e(id)}/check-ins`, { method: "POST", body: { occupation }, schema: as<{ stationName: string; visitsToday: number }>() }),
  report: (id: string, body: { kind: string; amenity?: string | null; note?: string; observedAt?: string }) =>
    request(`/api/public/stations/${e(id)}/reports`, { method: "POST", body, schema: as<{ receiptCode: string; dueDate: string; link: string }>() }),
  receipt: (code: string, signal?: AbortSignal): Promise<StationReport> => request(`/api/public/station-reports/${e(code)}`, { schema: stationReportSchema, signal }),

  list: (query: Record<string, string | number | undefined>, signal?: AbortSignal) => request("/api/stations", { query, schema: as<Page<Station>>(), signal }),
  get: (id: string, signal?: AbortSignal): Promise<Station> => request(`/api/stations/${e(id)}`, { schema: stationSchema, signal }),
  create: (body: StationInput): Promise<Station> => request("/api/stations", { method: "POST", body, schema: stationSchema }),
  update: (id: string, body: StationInput): Promise<Station> => request(`/api/stations/${e(id)}`, { method: "PUT", body, schema: stationSchema }),
  managerPhone: (id: string) => request(`/api/stations/${e(id)}/manager-phone`, { schema: as<{ phone: string }>() }),
  reports: (query: Record<string, string | number | undefined>, signal?: AbortSignal) => request("/api/station-reports", { query, schema: as<Page<StationReport>>(), signal }),
  reportOf: (id: string, signal?: AbortSignal): Promise<StationReport> => request(`/api/station-reports/${e(id)}`, { schema: stationReportSchema, signal }),
  answer: (id: string, body: { outcome: string; answer: string }): Promise<StationReport> => request(`/api/station-reports/${e(id)}/answer`, { method: "POST", body, schema: stationReportSchema }),
  stats: (year: number, signal?: AbortSignal): Promise<StationStats> => request("/api/stations/stats", { query: { year }, schema: stationStatsSchema, signal }),
};

/** "今天" / "3 天前": how long ago a check was, in whole China days. */
export function daysAgoText(iso: string | null, now = new Date()): string {
  if (!iso) return "未核实";
  const days = Math.floor((now.getTime() - new Date(iso).getTime()) / 86_400_000);
  return days <= 0 ? "核实于今天" : `核实于 ${days} 天前`;
}

/** "今天 20:00" / "明天 08:00" / "10月5日 08:00": the next change in China time. */
export function changeText(iso: string | null, now = new Date()): string | null {
  if (!iso) return null;
  const china = (d: Date) => new Date(d.getTime() + 8 * 3_600_000);
  const at = china(new Date(iso));
  const today = china(now);
  const hm = `${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
  const dayDiff = Math.round((Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()) - Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())) / 86_400_000);
  if (dayDiff === 0) return `今天 ${hm}`;
  if (dayDiff === 1) return `明天 ${hm}`;
  return `${at.getUTCMonth() + 1}月${at.getUTCDate()}日 ${hm}`;
}

/** Navigation by the phone's map app: 高德 and 百度 URI schemes' web forms (they open the app when installed). GCJ-02 assumed. */
export function navigationLinks(s: { name: string; lng: number; lat: number }) {
  const name = e(s.name);
  return {
    amap: `https://uri.amap.com/navigation?to=${s.lng},${s.lat},${name}&mode=ride&coordinate=gaode&callnative=1`,
    baidu: `https://api.map.baidu.com/direction?destination=latlng:${s.lat},${s.lng}|name:${name}&coord_type=gcj02&mode=riding&region=浙江&output=html&src=jiangxin`,
  };
}
