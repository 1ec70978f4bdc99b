import { lazy } from "react";
import type { HomeSection } from "../../../app/homeSection";

const MyTasksHome = lazy(() => import("../myTasks/pages/MyTasksPage").then((m) => ({ default: m.MyTasksHome })));
const EnterpriseHome = lazy(() => import("./EnterpriseHome").then((m) => ({ default: m.EnterpriseHome })));
const SearchHome = lazy(() => import("../search/SearchHome").then((m) => ({ default: m.SearchHome })));

/** What the flagship puts first on 工作台: its one search box, an expert's tasks, an enterprise's lists and visits. */
export const flagshipHomeSections: readonly HomeSection[] = [
  // Every role that reads problems gets the search box (what each finds is its own scope): first for
  // staff, after their own work for an expert and an enterprise (today's visit stays on top of a phone).
  { key: "flagship.search.staff", roles: ["province", "city", "county"], Component: SearchHome },
  { key: "flagship.myTasks", roles: ["expert"], Component: MyTasksHome },
  { key: "flagship.enterprise", roles: ["enterprise"], Component: EnterpriseHome },
  { key: "flagship.search", roles: ["enterprise", "expert"], Component: SearchHome },
];
