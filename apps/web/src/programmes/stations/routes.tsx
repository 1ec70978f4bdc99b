import { BarChartOutlined, EnvironmentOutlined, WarningOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../../app/appRoute";

const StationFinderPage = lazy(() => import("./pages/StationFinderPage").then((m) => ({ default: m.StationFinderPage })));
const PublicStationPage = lazy(() => import("./pages/PublicStationPage").then((m) => ({ default: m.PublicStationPage })));
const ReportReceiptPage = lazy(() => import("./pages/ReportReceiptPage").then((m) => ({ default: m.ReportReceiptPage })));
const StationListPage = lazy(() => import("./pages/StationListPage").then((m) => ({ default: m.StationListPage })));
const StationEditPage = lazy(() => import("./pages/StationEditPage").then((m) => ({ default: m.StationEditPage })));
const StationReportsPage = lazy(() => import("./pages/StationReportsPage").then((m) => ({ default: m.StationReportsPage })));
const StationStatsPage = lazy(() => import("./pages/StationStatsPage").then((m) => ({ default: m.StationStatsPage })));

/** 户外劳动者服务站's pages: the public finder (no login) and the staff's list, reports and statistics. */
export const stationsRoutes: readonly AppRoute[] = [
  { path: "/public/stations", permission: "public", title: "附近的户外劳动者服务站", layout: "bare", Page: StationFinderPage },
  { path: "/public/stations/:id", permission: "public", title: "服务站", layout: "bare", Page: PublicStationPage },
  { path: "/public/station-reports/:code", permission: "public", title: "报告处理进度", layout: "bare", Page: ReportReceiptPage },
  {
    path: "/stations",
    permission: "station.read",
    title: "服务站",
    layout: "shell",
    menu: { icon: <EnvironmentOutlined />, summary: "本辖区户外劳动者服务站：开放时间、设施核实、提升改造申报" },
    Page: StationListPage,
  },
  {
    path: "/stations/reports",
    permission: "station.read",
    title: "问题报告",
    layout: "shell",
    menu: { icon: <WarningOutlined />, summary: "工人报告的站点问题：按期核实、答复" },
    Page: StationReportsPage,
  },
  { path: "/stations/reports/:id", permission: "station.read", title: "问题报告", layout: "shell", menuParent: "/stations/reports", Page: StationReportsPage },
  {
    path: "/stations/stats",
    permission: "station.read",
    title: "服务站统计",
    layout: "shell",
    menu: { icon: <BarChartOutlined />, summary: "分县站点、24小时、提升改造申报与认定、报告答复、签到" },
    Page: StationStatsPage,
  },
  { path: "/stations/new", permission: "station.write", title: "登记服务站", layout: "shell", menuParent: "/stations", Page: StationEditPage },
  { path: "/stations/:id", permission: "station.read", title: "服务站", layout: "shell", menuParent: "/stations", Page: StationEditPage },
];
