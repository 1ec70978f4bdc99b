import { BarChartOutlined, EditOutlined, TrophyOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../../app/appRoute";

const page = <K extends string>(load: () => Promise<Record<K, React.ComponentType>>, name: K) => lazy(() => load().then((m) => ({ default: m[name] })));

const CompetitionListPage = page(() => import("./pages/CompetitionListPage"), "CompetitionListPage");
const CompetitionDetailPage = page(() => import("./pages/CompetitionDetailPage"), "CompetitionDetailPage");
const EventPage = page(() => import("./pages/EventPage"), "EventPage");
const ScoringPage = page(() => import("./pages/ScoringPage"), "ScoringPage");
const JudgingListPage = page(() => import("./pages/JudgingListPage"), "JudgingListPage");
const GoldBlueCollarPage = page(() => import("./pages/GoldBlueCollarPage"), "GoldBlueCollarPage");
const CompetitionStatsPage = page(() => import("./pages/CompetitionStatsPage"), "CompetitionStatsPage");
const ResultSheetPage = page(() => import("./pages/ResultSheetPage"), "ResultSheetPage");
const PublicResultsPage = page(() => import("./pages/PublicResultsPage"), "PublicResultsPage");
const PublicCertificatePage = page(() => import("./pages/PublicCertificatePage"), "PublicCertificatePage");

/** 职业技能竞赛's pages, in menu order; app/routes.tsx places them under the programme's menu group. */
export const competitionsRoutes: readonly AppRoute[] = [
  {
    path: "/competitions",
    permission: "competition.read",
    title: "竞赛与报名",
    layout: "shell",
    menu: { icon: <TrophyOutlined />, summary: "重点赛、示范赛、常规赛；赛项、报名、成绩" },
    Page: CompetitionListPage,
  },
  {
    path: "/competitions/judging",
    permission: "competition.judge",
    title: "评分任务",
    layout: "shell",
    menu: { icon: <EditOutlined />, summary: "担任裁判的赛项：手机或平板评分、复核、签字" },
    Page: JudgingListPage,
  },
  {
    path: "/competitions/gold-blue-collar",
    permission: "competition.read",
    title: "浙江金蓝领",
    layout: "shell",
    menu: { icon: <TrophyOutlined />, summary: "各赛项前三名提名，省总工会认定，证书查验" },
    Page: GoldBlueCollarPage,
  },
  {
    path: "/competitions/stats",
    permission: "competition.write",
    title: "竞赛统计",
    layout: "shell",
    menu: { icon: <BarChartOutlined />, summary: "选手与获奖者按市、职业、性别，金蓝领按年度" },
    Page: CompetitionStatsPage,
  },
  { path: "/competitions/:id", permission: "competition.read", title: "竞赛详情", layout: "shell", menuParent: "/competitions", Page: CompetitionDetailPage },
  { path: "/competition-events/:id", permission: "competition.read", title: "赛项", layout: "shell", menuParent: "/competitions", Page: EventPage },
  { path: "/competition-events/:id/scoring", permission: "competition.judge", title: "评分", layout: "shell", menuParent: "/competitions/judging", Page: ScoringPage },
  { path: "/competition-events/:id/sheet", permission: "competition.read", title: "成绩单", layout: "shell", menuParent: "/competitions", Page: ResultSheetPage },
  { path: "/public/competition-results", permission: "public", title: "竞赛获奖名单", layout: "bare", Page: PublicResultsPage },
  { path: "/public/certificates", permission: "public", title: "证书查验", layout: "bare", Page: PublicCertificatePage },
  { path: "/public/certificates/:no", permission: "public", title: "证书查验", layout: "bare", Page: PublicCertificatePage },
];
