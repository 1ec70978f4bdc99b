import { CalendarOutlined, EnvironmentOutlined, FormOutlined, SmileOutlined, TeamOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../../app/appRoute";

const MyRecuperationPage = lazy(() => import("./pages/MyRecuperationPage").then((m) => ({ default: m.MyRecuperationPage })));
const RoundsPage = lazy(() => import("./pages/RoundsPage").then((m) => ({ default: m.RoundsPage })));
const QuotasPage = lazy(() => import("./pages/QuotasPage").then((m) => ({ default: m.QuotasPage })));
const EnterApplicationsPage = lazy(() => import("./pages/EnterApplicationsPage").then((m) => ({ default: m.EnterApplicationsPage })));
const CataloguePage = lazy(() => import("./pages/CataloguePage").then((m) => ({ default: m.CataloguePage })));
const PublicLotteryPage = lazy(() => import("./pages/PublicLotteryPage").then((m) => ({ default: m.PublicLotteryPage })));

/** 职工疗休养's pages, in menu order; the public verification page has no menu entry (公众服务 links it). */
export const recuperationRoutes: readonly AppRoute[] = [
  { path: "/recuperation/me", permission: "recuperation.apply", title: "我的疗休养", layout: "shell", menu: { icon: <SmileOutlined />, summary: "申请期次，查看分组、摇号顺序、结果和候补，确认名额" }, Page: MyRecuperationPage },
  { path: "/recuperation/rounds", permission: "recuperation.read", title: "分配轮次", layout: "shell", menu: { icon: <CalendarOutlined />, summary: "承诺种子、摇号、公布，公平性报告" }, Page: RoundsPage },
  { path: "/recuperation/quotas", permission: "recuperation.read", title: "工会名额", layout: "shell", menu: { icon: <TeamOutlined />, summary: "各工会名额及使用" }, Page: QuotasPage },
  { path: "/recuperation/enter", permission: "recuperation.enter", title: "代会员申请", layout: "shell", menu: { icon: <FormOutlined />, summary: "工会用Excel批量或逐个为会员代报疗休养" }, Page: EnterApplicationsPage },
  { path: "/recuperation/bases", permission: "recuperation.read", title: "基地与期次", layout: "shell", menu: { icon: <EnvironmentOutlined />, summary: "119个省级基地、线路和本年度期次" }, Page: CataloguePage },
  { path: "/public/recuperation", permission: "public", title: "疗休养摇号验证", layout: "bare", Page: PublicLotteryPage },
];
