import { AimOutlined, AuditOutlined, DashboardOutlined, DesktopOutlined, UserOutlined } from "@ant-design/icons";
import type { Role, RoutePermission } from "@jiangxin/domain";
import { lazy } from "react";
import { matchPath } from "react-router-dom";
import { masterDataRoutes } from "../masterData/routes";
import { webProgrammes } from "../programmes/registry";
import type { AppRoute } from "./appRoute";

export type { AppRoute } from "./appRoute";

// Pages load on demand so a phone on a slow line downloads only the screen it opens.
const PublicHomePage = lazy(() => import("../modules/public/pages/PublicHomePage").then((m) => ({ default: m.PublicHomePage })));
const RegisterPage = lazy(() => import("../modules/me/pages/RegisterPage").then((m) => ({ default: m.RegisterPage })));
const MePage = lazy(() => import("../modules/me/pages/MePage").then((m) => ({ default: m.MePage })));
const LoginPage = lazy(() => import("../modules/auth/pages/LoginPage").then((m) => ({ default: m.LoginPage })));
const PasswordPage = lazy(() => import("../modules/auth/pages/PasswordPage").then((m) => ({ default: m.PasswordPage })));
const TotpPage = lazy(() => import("../modules/auth/pages/TotpPage").then((m) => ({ default: m.TotpPage })));
const HomePage = lazy(() => import("../modules/home/pages/HomePage").then((m) => ({ default: m.HomePage })));
const InboxPage = lazy(() => import("../modules/inbox/pages/InboxPage").then((m) => ({ default: m.InboxPage })));
const DashboardPage = lazy(() => import("../modules/leadership/pages/LeadershipDashboardPage").then((m) => ({ default: m.LeadershipDashboardPage })));
const TargetsPage = lazy(() => import("../modules/leadership/pages/TargetsPage").then((m) => ({ default: m.TargetsPage })));
const PublicFiguresPage = lazy(() => import("../modules/leadership/pages/PublicFiguresPage").then((m) => ({ default: m.PublicFiguresPage })));
const AuditLogPage = lazy(() => import("../modules/audit/pages/AuditLogPage").then((m) => ({ default: m.AuditLogPage })));
const ForbiddenPage = lazy(() => import("../modules/errors/pages/ForbiddenPage").then((m) => ({ default: m.ForbiddenPage })));
const NotFoundPage = lazy(() => import("../modules/errors/pages/NotFoundPage").then((m) => ({ default: m.NotFoundPage })));

/** The platform's own pages; the menu puts the first two above the groups and the rest below. */
const platformRoutes: readonly AppRoute[] = [
  { path: "/login", permission: "public", title: "登录", layout: "bare", Page: LoginPage },
  // 公众服务: no login; each public page draws its own frame (modules/public/components/PublicLayout).
  { path: "/public", permission: "public", title: "公众服务", layout: "bare", Page: PublicHomePage },
  { path: "/register", permission: "public", title: "职工注册", layout: "bare", Page: RegisterPage },
  { path: "/me", permission: "me.self", title: "我的", layout: "shell", menu: { icon: <UserOutlined />, summary: "本人会籍、入会申请、各项目中的申请与报名" }, Page: MePage },
  { path: "/public/figures", permission: "public", title: "数据公开", layout: "bare", Page: PublicFiguresPage },
  // First in the menu: the leadership's one screen. Staff only (dashboard.read), so others start at 工作台.
    {
      path: "/dashboard",
      permission: "dashboard.read",
      title: "驾驶舱",
      layout: "shell",
      menu: { icon: <DashboardOutlined />, summary: "各项目指标对照年度目标：完成率、时间进度、滞后地区，一屏总览" },
      Page: DashboardPage,
    },
    {
      path: "/targets",
      permission: "target.read",
      title: "年度目标",
      layout: "shell",
      menu: { icon: <AimOutlined />, summary: "各项指标的年度目标、季度节点与逐级分解，省总工会批准" },
      Page: TargetsPage,
    },
  {
      path: "/",
      permission: "session.self",
      title: "工作台",
      layout: "shell",
      menu: { icon: <DesktopOutlined />, summary: "个人信息与常用入口" },
      Page: HomePage,
    },
  {
      path: "/audit",
      permission: "audit.read",
      title: "审计日志",
      layout: "shell",
      menu: { icon: <AuditOutlined />, summary: "登录、查看个人信息与数据变更记录" },
      Page: AuditLogPage,
    },
  // Reached from the header's bell and 工作台, so it has no menu entry of its own.
  { path: "/inbox", permission: "inbox.read", title: "待办与消息", layout: "shell", menuParent: "/", Page: InboxPage },
  { path: "/password", permission: "session.self", title: "修改密码", layout: "shell", Page: PasswordPage },
  { path: "/account/totp", permission: "session.self", title: "动态验证码", layout: "shell", Page: TotpPage },
  { path: "/403", permission: "session.self", title: "无权访问", layout: "shell", Page: ForbiddenPage },
  { path: "*", permission: "session.self", title: "页面不存在", layout: "shell", Page: NotFoundPage },
];

/** A side-menu group: the shared master data, one per programme, and 系统. */
export interface MenuGroup {
  key: string;
  title: string;
  icon?: React.ReactNode;
  routes: readonly AppRoute[];
}

const top = platformRoutes.filter((r) => r.path === "/dashboard" || r.path === "/targets" || r.path === "/" || r.path === "/me");
const system = platformRoutes.filter((r) => !top.includes(r));

/** Menu order: 驾驶舱 and 工作台, then each programme, then 基础数据, then 系统. */
export const menuGroups: readonly MenuGroup[] = [
  { key: "top", title: "", routes: top },
  ...webProgrammes.map((p) => ({ key: p.descriptor.id, title: p.descriptor.name, icon: p.icon, routes: p.routes })),
  { key: "masterData", title: "基础数据", routes: masterDataRoutes },
  { key: "system", title: "系统", routes: system },
];

/** The one route table: the router, the side menu and the home page's quick links all read it. */
export const routes: readonly AppRoute[] = menuGroups.flatMap((g) => g.routes).sort((a, b) => Number(a.path === "*") - Number(b.path === "*"));

/** The route a location belongs to (the catch-all when nothing else matches). */
export function findRoute(pathname: string): AppRoute | undefined {
  return routes.find((route) => route.path !== "*" && matchPath(route.path, pathname)) ?? routes.find((route) => route.path === "*");
}

/** Menu entries the user may open, in table order. */
export function menuRoutes(can: (permission: RoutePermission) => boolean): AppRoute[] {
  return routes.filter((route) => route.menu && can(route.permission));
}

/**
 * The menu groups the user may open, each with only its allowed entries. A programme the role takes
 * part in (holds one of its write or submit permissions) comes before the ones it only reads.
 */
export function visibleMenuGroups(can: (permission: RoutePermission) => boolean, role: Role): MenuGroup[] {
  const groups = menuGroups.map((g) => ({ ...g, routes: g.routes.filter((r) => r.menu && can(r.permission)) })).filter((g) => g.routes.length > 0);
  const own = (g: MenuGroup) => webProgrammes.find((p) => p.descriptor.id === g.key)?.isOwn(role) ?? false;
  const programmeGroups = groups.filter((g) => webProgrammes.some((p) => p.descriptor.id === g.key));
  const ordered = [...programmeGroups.filter(own), ...programmeGroups.filter((g) => !own(g))];
  return [...groups.filter((g) => g.key === "top"), ...ordered, ...groups.filter((g) => g.key === "masterData" || g.key === "system")];
}
