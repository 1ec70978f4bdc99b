import { BarChartOutlined, CarryOutOutlined, CalendarOutlined, DashboardOutlined, FieldTimeOutlined, FileProtectOutlined, FlagOutlined, NodeIndexOutlined, PieChartOutlined, ProfileOutlined, ReadOutlined, ToolOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../../app/appRoute";

const DemandListListPage = lazy(() =>
  import("./problems/pages/DemandListListPage").then((m) => ({ default: m.DemandListListPage })),
);
const DemandListSubmitPage = lazy(() =>
  import("./problems/pages/DemandListSubmitPage").then((m) => ({ default: m.DemandListSubmitPage })),
);
const DemandListDetailPage = lazy(() =>
  import("./problems/pages/DemandListDetailPage").then((m) => ({ default: m.DemandListDetailPage })),
);
const ProblemListPage = lazy(() => import("./problems/pages/ProblemListPage").then((m) => ({ default: m.ProblemListPage })));
const OverdueProblemsPage = lazy(() =>
  import("./problems/pages/OverdueProblemsPage").then((m) => ({ default: m.OverdueProblemsPage })),
);
const ProblemDetailPage = lazy(() => import("./problems/pages/ProblemDetailPage").then((m) => ({ default: m.ProblemDetailPage })));
const ServiceSessionListPage = lazy(() =>
  import("./serviceSessions/pages/ServiceSessionListPage").then((m) => ({ default: m.ServiceSessionListPage })),
);
const ServiceSessionDetailPage = lazy(() =>
  import("./serviceSessions/pages/ServiceSessionDetailPage").then((m) => ({ default: m.ServiceSessionDetailPage })),
);
const OnSitePage = lazy(() => import("./serviceSessions/pages/OnSitePage").then((m) => ({ default: m.OnSitePage })));
const AgreementListPage = lazy(() => import("./agreements/pages/AgreementListPage").then((m) => ({ default: m.AgreementListPage })));
const AgreementDetailPage = lazy(() => import("./agreements/pages/AgreementDetailPage").then((m) => ({ default: m.AgreementDetailPage })));
const TrainingListPage = lazy(() => import("./trainings/pages/TrainingListPage").then((m) => ({ default: m.TrainingListPage })));
const CampaignListPage = lazy(() => import("./campaigns/pages/CampaignListPage").then((m) => ({ default: m.CampaignListPage })));
const CampaignDetailPage = lazy(() => import("./campaigns/pages/CampaignDetailPage").then((m) => ({ default: m.CampaignDetailPage })));
const PlanningPage = lazy(() => import("./planning/pages/PlanningPage").then((m) => ({ default: m.PlanningPage })));
const IndicatorsPage = lazy(() => import("./indicators/pages/IndicatorsPage").then((m) => ({ default: m.IndicatorsPage })));
const StatsPage = lazy(() => import("./stats/pages/StatsPage").then((m) => ({ default: m.StatsPage })));
const StatsReportPage = lazy(() => import("./stats/pages/StatsReportPage").then((m) => ({ default: m.StatsReportPage })));
const MyTasksPage = lazy(() => import("./myTasks/pages/MyTasksPage").then((m) => ({ default: m.MyTasksPage })));
const OverviewPage = lazy(() => import("./dashboard/pages/DashboardPage").then((m) => ({ default: m.DashboardPage })));

/** The flagship's pages, in menu order; app/routes.tsx places them under the programme's menu group. */
export const flagshipRoutes: readonly AppRoute[] = [
  {
    path: "/my-tasks",
    permission: "task.mine",
    title: "我的任务",
    layout: "shell",
    menu: { icon: <CarryOutOutlined />, summary: "在办难题、今日走访的企业地址与联系人，一键记录进展和照片" },
    Page: MyTasksPage,
  },
  {
    path: "/flagship/overview",
    permission: "indicators.read",
    title: "助企行概览",
    layout: "shell",
    menu: { icon: <DashboardOutlined />, summary: "助企行六项指标与上年同期对比、各专项行动对照目标" },
    Page: OverviewPage,
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
];
