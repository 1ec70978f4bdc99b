import { AuditOutlined, BarChartOutlined, FileAddOutlined, PayCircleOutlined, SolutionOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../../app/appRoute";

const ApplyPage = lazy(() => import("./pages/ApplyPage").then((m) => ({ default: m.ApplyPage })));
const MyApplicationsPage = lazy(() => import("./pages/MyApplicationsPage").then((m) => ({ default: m.MyApplicationsPage })));
const ReviewPage = lazy(() => import("./pages/ReviewPage").then((m) => ({ default: m.ReviewPage })));
const PaymentsPage = lazy(() => import("./pages/PaymentsPage").then((m) => ({ default: m.PaymentsPage })));
const StatsPage = lazy(() => import("./pages/StatsPage").then((m) => ({ default: m.StatsPage })));

/** 学历与技能提升's pages, in menu order. */
export const upskillingRoutes: readonly AppRoute[] = [
  { path: "/upskilling/apply", permission: "upskilling.apply", title: "申请补助", layout: "shell", menu: { icon: <FileAddOutlined />, summary: "取得学历或技能等级证书后申请一次性补助" }, Page: ApplyPage },
  { path: "/upskilling/my", permission: "upskilling.apply", title: "我的补助申请", layout: "shell", menu: { icon: <SolutionOutlined />, summary: "审核进度、发放结果与原因" }, Page: MyApplicationsPage },
  { path: "/upskilling/stats", permission: "upskilling.read", title: "双提升统计", layout: "shell", menu: { icon: <BarChartOutlined />, summary: "各市申请、通过、发放对照名额，发放用时" }, Page: StatsPage },
  { path: "/upskilling/review", permission: "upskilling.read", title: "补助审核", layout: "shell", menu: { icon: <AuditOutlined />, summary: "基层→县→市逐级审核，批量通过或不通过" }, Page: ReviewPage },
  { path: "/upskilling/payments", permission: "upskilling.pay", title: "补助发放", layout: "shell", menu: { icon: <PayCircleOutlined />, summary: "发放批次、银行文件与回盘结果" }, Page: PaymentsPage },
];
