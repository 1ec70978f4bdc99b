import { ApartmentOutlined, CreditCardOutlined, GiftOutlined, IdcardOutlined, ShopOutlined, TeamOutlined, TrophyOutlined } from "@ant-design/icons";
import { lazy } from "react";
import type { AppRoute } from "../app/appRoute";

const RegionsPage = lazy(() => import("../app/regions/pages/RegionsPage").then((m) => ({ default: m.RegionsPage })));
const EnterpriseListPage = lazy(() =>
  import("./enterprises/pages/EnterpriseListPage").then((m) => ({ default: m.EnterpriseListPage })),
);
const EnterpriseDetailPage = lazy(() =>
  import("./enterprises/pages/EnterpriseDetailPage").then((m) => ({ default: m.EnterpriseDetailPage })),
);
const UnionListPage = lazy(() => import("./unions/pages/UnionListPage").then((m) => ({ default: m.UnionListPage })));
const UnionDetailPage = lazy(() => import("./unions/pages/UnionDetailPage").then((m) => ({ default: m.UnionDetailPage })));
const ExpertListPage = lazy(() => import("./experts/pages/ExpertListPage").then((m) => ({ default: m.ExpertListPage })));
const ExpertDetailPage = lazy(() => import("./experts/pages/ExpertDetailPage").then((m) => ({ default: m.ExpertDetailPage })));
const PersonListPage = lazy(() => import("./people/pages/PersonListPage").then((m) => ({ default: m.PersonListPage })));
const MyMemberCardPage = lazy(() => import("./members/pages/MyMemberCardPage").then((m) => ({ default: m.MyMemberCardPage })));
const BenefitItemsPage = lazy(() => import("./members/pages/BenefitItemsPage").then((m) => ({ default: m.BenefitItemsPage })));
const MemberCardCheckPage = lazy(() => import("./members/pages/MemberCardCheckPage").then((m) => ({ default: m.MemberCardCheckPage })));
const PersonDetailPage = lazy(() => import("./people/pages/PersonDetailPage").then((m) => ({ default: m.PersonDetailPage })));

/** The shared master data's pages (基础数据), in menu order. */
export const masterDataRoutes: readonly AppRoute[] = [
  {
    path: "/regions",
    permission: "region.read",
    title: "行政区划",
    layout: "shell",
    menu: { icon: <ApartmentOutlined />, summary: "浙江省市县区划，山区县、海岛县标识" },
    Page: RegionsPage,
  },
  {
    path: "/unions",
    permission: "union.read",
    title: "工会组织",
    layout: "shell",
    menu: { icon: <TeamOutlined />, summary: "省市县总工会、产业工会与基层工会，覆盖企业与建会率" },
    Page: UnionListPage,
  },
  {
    path: "/unions/:id",
    permission: "union.read",
    title: "工会组织详情",
    layout: "shell",
    menuParent: "/unions",
    Page: UnionDetailPage,
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
    permission: "enterprise.detail",
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
    path: "/people",
    permission: "person.read",
    title: "职工",
    layout: "shell",
    menu: { icon: <IdcardOutlined />, summary: "职工登记、会籍与入会申请；身份证号去重" },
    Page: PersonListPage,
  },
  {
    path: "/people/:id",
    permission: "person.read",
    title: "职工详情",
    layout: "shell",
    menuParent: "/people",
    Page: PersonDetailPage,
  },
  {
    path: "/me/member-card",
    permission: "me.self",
    title: "我的会员证",
    layout: "shell",
    menu: { icon: <CreditCardOutlined />, summary: "电子会员证、会籍记录与转会、我的普惠服务台账" },
    Page: MyMemberCardPage,
  },
  {
    path: "/benefit-items",
    permission: "member.read",
    title: "普惠服务项目",
    layout: "shell",
    menu: { icon: <GiftOutlined />, summary: "9项标准与本地X项：享受条件、年度次数上限" },
    Page: BenefitItemsPage,
  },
  { path: "/public/member-card", permission: "public", title: "会员证核验", layout: "bare", Page: MemberCardCheckPage },
  { path: "/public/member-card/:token", permission: "public", title: "会员证核验", layout: "bare", Page: MemberCardCheckPage },
];
