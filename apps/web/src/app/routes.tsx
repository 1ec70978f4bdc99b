import { ApartmentOutlined, AuditOutlined, CalendarOutlined, DesktopOutlined, FieldTimeOutlined, FileProtectOutlined, ProfileOutlined, ReadOutlined, ShopOutlined, ToolOutlined, TrophyOutlined } from "@ant-design/icons";
import { BarChartOutlined, DashboardOutlined, FlagOutlined, NodeIndexOutlined, PieChartOutlined } from "@ant-design/icons";
import type { RoutePermission } from "@jiangxin/domain";
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import { matchPath } from "react-router-dom";

export interface AppRoute {
  path: string;
  /** Checked before the page renders; the server checks the same key on every API call it makes. */
  permission: RoutePermission;
  title: string;
  /** "bare" pages (login) render without the signed-in shell. */
  layout: "shell" | "bare";
  /** Present for pages that get a side-menu entry and a quick link on the home page. */
  menu?: { icon: ReactNode; summary: string };
  /** A page under a menu entry (a detail page) highlights its parent's entry. */
  menuParent?: string;
  Page: LazyExoticComponent<ComponentType>;
}

// Pages load on demand so a phone on a slow line downloads only the screen it opens.
const LoginPage = lazy(() => import("../modules/auth/pages/LoginPage").then((m) => ({ default: m.LoginPage })));
const PasswordPage = lazy(() => import("../modules/auth/pages/PasswordPage").then((m) => ({ default: m.PasswordPage })));
const HomePage = lazy(() => import("../modules/home/pages/HomePage").then((m) => ({ default: m.HomePage })));
const RegionsPage = lazy(() => import("../masterData/regions/pages/RegionsPage").then((m) => ({ default: m.RegionsPage })));
const EnterpriseListPage = lazy(() =>
  import("../masterData/enterprises/pages/EnterpriseListPage").then((m) => ({ default: m.EnterpriseListPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import("../masterData/enterprises/pages/EnterpriseDetailPage").then((m) => ({ default: m.EnterpriseDetailPage })),
);
const ExpertListPage = lazy(() => import("../masterData/experts/pages/ExpertListPage").then((m) => ({ default: m.ExpertListPage })));
const ExpertDetailPage = lazy(() => import("../masterData/experts/pages/ExpertDetailPage").then((m) => ({ default: m.ExpertDetailPage })));
const ProblemListPage = lazy(() => import("../programmes/flagship/problems/pages/ProblemListPage").then((m) => ({ default: m.ProblemListPage })));
const ProblemDetailPage = lazy(() => import("../programmes/flagship/problems/pages/ProblemDetailPage").then((m) => ({ default: m.ProblemDetailPage })));
const OverdueProblemsPage = lazy(() =>
  import("../programmes/flagship/problems/pages/OverdueProblemsPage").then((m) => ({ default: m.OverdueProblemsPage })),
);
const DemandListListPage = lazy(() =>
  import("../programmes/flagship/problems/pages/DemandListListPage").then((m) => ({ default: m.DemandListListPage })),
);
const DemandListDetailPage = lazy(() =>
  import("../programmes/flagship/problems/pages/DemandListDetailPage").then((m) => ({ default: m.DemandListDetailPage })),
);
const DemandListSubmitPage = lazy(() =>
  import("../programmes/flagship/problems/pages/DemandListSubmitPage").then((m) => ({ default: m.DemandListSubmitPage })),
);
const ServiceSessionListPage = lazy(() =>
  import("../programmes/flagship/serviceSessions/pages/ServiceSessionListPage").then((m) => ({ default: m.ServiceSessionListPage })),
);
const ServiceSessionDetailPage = lazy(() =>
  import("../programmes/flagship/serviceSessions/pages/ServiceSessionDetailPage").then((m) => ({ default: m.ServiceSessionDetailPage })),
);
const OnSitePage = lazy(() => import("../programmes/flagship/serviceSessions/pages/OnSitePage").then((m) => ({ default: m.OnSitePage })));
const AgreementListPage = lazy(() => import("../programmes/flagship/agreements/pages/AgreementListPage").then((m) => ({ default: m.AgreementListPage })));
const AgreementDetailPage = lazy(() => import("../programmes/flagship/agreements/pages/AgreementDetailPage").then((m) => ({ default: m.AgreementDetailPage })));
const TrainingListPage = lazy(() => import("../programmes/flagship/trainings/pages/TrainingListPage").then((m) => ({ default: m.TrainingListPage })));
const IndicatorsPage = lazy(() => import("../programmes/flagship/indicators/pages/IndicatorsPage").then((m) => ({ default: m.IndicatorsPage })));
const StatsPage = lazy(() => import("../programmes/flagship/stats/pages/StatsPage").then((m) => ({ default: m.StatsPage })));
const StatsReportPage = lazy(() => import("../programmes/flagship/stats/pages/StatsReportPage").then((m) => ({ default: m.StatsReportPage })));
const CampaignListPage = lazy(() => import("../programmes/flagship/campaigns/pages/CampaignListPage").then((m) => ({ default: m.CampaignListPage })));
const CampaignDetailPage = lazy(() => import("../programmes/flagship/campaigns/pages/CampaignDetailPage").then((m) => ({ default: m.CampaignDetailPage })));
const DashboardPage = lazy(() => import("../programmes/flagship/dashboard/pages/DashboardPage").then((m) => ({ default: m.DashboardPage })));
const PlanningPage = lazy(() => import("../programmes/flagship/planning/pages/PlanningPage").then((m) => ({ default: m.PlanningPage })));
const AuditLogPage = lazy(() => import("../modules/audit/pages/AuditLogPage").then((m) => ({ default: m.AuditLogPage })));
const ForbiddenPage = lazy(() => import("../modules/errors/pages/ForbiddenPage").then((m) => ({ default: m.ForbiddenPage })));
const NotFoundPage = lazy(() => import("../modules/errors/pages/NotFoundPage").then((m) => ({ default: m.NotFoundPage })));

/** The one route table: the router, the side menu and the home page's quick links all read it. */
export const routes: readonly AppRoute[] = [
  { path: "/login", permission: "public", title: "登录", layout: "bare", Page: LoginPage },
  // First in the menu: the leadership's one screen. Staff only (indicators.read), so others start at 工作台.
  {
    path: "/dashboard",
    permission: "indicators.read",
    title: "驾驶舱",
    layout: "shell",
    menu: { icon: <DashboardOutlined />, summary: "助企行六项指标与各专项行动对照年度目标，一屏总览" },
    Page: DashboardPage,
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
    path: "/regions",
    permission: "region.read",
    title: "行政区划",
    layout: "shell",
    menu: { icon: <ApartmentOutlined />, summary: "浙江省市县区划，山区县、海岛县标识" },
    Page: RegionsPage,
  },
  {
    path: "/enterprises",
    permission: "enterprise.read",
    title: "企业",
    layout: "shell",
    menu: { icon: <ShopOutlined />, summary: "辖区内企业名录，登记与查询" },
    Page: EnterpriseListPage,
  },
  {
    path: "/enterprises/:id",
    permission: "enterprise.read",
    title: "企业详情",
    layout: "shell",
    menuParent: "/enterprises",
    Page: EnterpriseDetailPage,
  },
  {
    path: "/experts",
    permission: "expert.read",
    title: "专家库",
    layout: "shell",
    menu: { icon: <TrophyOutlined />, summary: "劳模工匠库：荣誉、技能等级、工种与在办任务" },
    Page: ExpertListPage,
  },
  {
    path: "/experts/:id",
    permission: "expert.read",
    title: "专家详情",
    layout: "shell",
    menuParent: "/experts",
    Page: ExpertDetailPage,
  },
  {
    path: "/demand-lists",
    permission: "problem.read",
    title: "需求清单",
    layout: "shell",
    menu: { icon: <ProfileOutlined />, summary: "企业提交的技术难题与培训需求清单" },
    Page: DemandListListPage,
  },
  { path: "/demand-lists/new", permission: "demand.submit", title: "提交需求清单", layout: "shell", menuParent: "/demand-lists", Page: DemandListSubmitPage },
  { path: "/demand-lists/:id", permission: "problem.read", title: "需求清单详情", layout: "shell", menuParent: "/demand-lists", Page: DemandListDetailPage },
  {
    path: "/problems",
    permission: "problem.read",
    title: "难题",
    layout: "shell",
    menu: { icon: <ToolOutlined />, summary: "技术难题的受理、指派、现场服务与解决进展" },
    Page: ProblemListPage,
  },
  {
    path: "/problems/overdue",
    permission: "problem.move",
    title: "超期难题",
    layout: "shell",
    menu: { icon: <FieldTimeOutlined />, summary: "久未推进的未完成难题，停滞最久的在前" },
    Page: OverdueProblemsPage,
  },
  { path: "/problems/:id", permission: "problem.read", title: "难题详情", layout: "shell", menuParent: "/problems", Page: ProblemDetailPage },
  {
    path: "/service-sessions",
    permission: "serviceSession.read",
    title: "服务场次",
    layout: "shell",
    menu: { icon: <CalendarOutlined />, summary: "到企业的现场服务与难题—专家—进度三张清单" },
    Page: ServiceSessionListPage,
  },
  {
    path: "/service-sessions/:id",
    permission: "serviceSession.read",
    title: "服务场次详情",
    layout: "shell",
    menuParent: "/service-sessions",
    Page: ServiceSessionDetailPage,
  },
  {
    path: "/service-sessions/:id/on-site",
    permission: "serviceSession.read",
    title: "现场三张清单",
    layout: "shell",
    menuParent: "/service-sessions",
    Page: OnSitePage,
  },
  {
    path: "/agreements",
    permission: "agreement.read",
    title: "一对一协议",
    layout: "shell",
    menu: { icon: <FileProtectOutlined />, summary: "一对一技术支持协议：里程碑与回访" },
    Page: AgreementListPage,
  },
  {
    path: "/agreements/:id",
    permission: "agreement.read",
    title: "协议详情",
    layout: "shell",
    menuParent: "/agreements",
    Page: AgreementDetailPage,
  },
  {
    path: "/trainings",
    permission: "training.read",
    title: "培训",
    layout: "shell",
    menu: { icon: <ReadOutlined />, summary: "培训技术工人：主题、授课专家与人次" },
    Page: TrainingListPage,
  },
  {
    path: "/campaigns",
    permission: "campaign.read",
    title: "专项行动",
    layout: "shell",
    menu: { icon: <FlagOutlined />, summary: "专项行动的年度目标与完成进度" },
    Page: CampaignListPage,
  },
  {
    path: "/campaigns/:id",
    permission: "campaign.read",
    title: "专项行动详情",
    layout: "shell",
    menuParent: "/campaigns",
    Page: CampaignDetailPage,
  },
  {
    path: "/planning",
    permission: "campaign.plan",
    title: "专家调度规划",
    layout: "shell",
    menu: { icon: <NodeIndexOutlined />, summary: "全省专家一次性匹配辖区待办难题，山区海岛县优先；可锁定、排除后重新规划并采纳" },
    Page: PlanningPage,
  },
  {
    path: "/indicators",
    permission: "indicators.read",
    title: "统计指标",
    layout: "shell",
    menu: { icon: <BarChartOutlined />, summary: "年度场次、人次、企业、难题、培训与经济效益，按区域和专项行动" },
    Page: IndicatorsPage,
  },
  {
    path: "/stats",
    permission: "indicators.read",
    title: "统计分析",
    layout: "shell",
    menu: { icon: <PieChartOutlined />, summary: "月度趋势、浙江分区地图与逐级下钻，打印年度报告" },
    Page: StatsPage,
  },
  { path: "/stats/report", permission: "indicators.read", title: "统计报告", layout: "shell", menuParent: "/stats", Page: StatsReportPage },
  {
    path: "/audit",
    permission: "audit.read",
    title: "审计日志",
    layout: "shell",
    menu: { icon: <AuditOutlined />, summary: "登录、查看个人信息与数据变更记录" },
    Page: AuditLogPage,
  },
  { path: "/password", permission: "session.self", title: "修改密码", layout: "shell", Page: PasswordPage },
  { path: "/403", permission: "session.self", title: "无权访问", layout: "shell", Page: ForbiddenPage },
  { path: "*", permission: "session.self", title: "页面不存在", layout: "shell", Page: NotFoundPage },
];

/** The route a location belongs to (the catch-all when nothing else matches). */
export function findRoute(pathname: string): AppRoute | undefined {
  return routes.find((route) => route.path !== "*" && matchPath(route.path, pathname)) ?? routes.find((route) => route.path === "*");
}

/** Menu entries the user may open, in table order. */
export function menuRoutes(can: (permission: RoutePermission) => boolean): AppRoute[] {
  return routes.filter((route) => route.menu && can(route.permission));
}
