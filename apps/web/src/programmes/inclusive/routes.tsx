import { BarChartOutlined, GiftOutlined, ScanOutlined, WalletOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../../app/appRoute";

const FiguresPage = lazy(() => import("./pages/FiguresPage").then((m) => ({ default: m.FiguresPage })));
const VouchersPage = lazy(() => import("./pages/VouchersPage").then((m) => ({ default: m.VouchersPage })));
const RedeemPage = lazy(() => import("./pages/RedeemPage").then((m) => ({ default: m.RedeemPage })));
const MyVouchersPage = lazy(() => import("./pages/MyVouchersPage").then((m) => ({ default: m.MyVouchersPage })));

/** 普惠服务(9+X)'s pages, in menu order. */
export const inclusiveRoutes: readonly AppRoute[] = [
  { path: "/inclusive", permission: "inclusive.read", title: "普惠服务统计", layout: "shell", menu: { icon: <BarChartOutlined />, summary: "会员、新入会与各项服务参与率，对照目标" }, Page: FiguresPage },
  { path: "/inclusive/vouchers", permission: "inclusive.issue", title: "爱心午餐券", layout: "shell", menu: { icon: <GiftOutlined />, summary: "向会员发放餐券，每日核销份数" }, Page: VouchersPage },
  { path: "/inclusive/redeem", permission: "inclusive.redeem", title: "扫码核销", layout: "shell", menu: { icon: <ScanOutlined />, summary: "合作食堂、驿站扫码核销餐券" }, Page: RedeemPage },
  { path: "/me/vouchers", permission: "me.self", title: "我的餐券", layout: "shell", menu: { icon: <WalletOutlined />, summary: "爱心午餐券：出示二维码就餐" }, Page: MyVouchersPage },
];
