import { lazy } from "react";
import type { HomeSection } from "../../../app/homeSection";

const MyTasksHome = lazy(() => import("../myTasks/pages/MyTasksPage").then((m) => ({ default: m.MyTasksHome })));
const EnterpriseHome = lazy(() => import("./EnterpriseHome").then((m) => ({ default: m.EnterpriseHome })));

/** What the flagship puts first on 工作台: an expert's tasks, an enterprise's lists and visits. */
export const flagshipHomeSections: readonly HomeSection[] = [
  { key: "flagship.myTasks", roles: ["expert"], Component: MyTasksHome },
  { key: "flagship.enterprise", roles: ["enterprise"], Component: EnterpriseHome },
];
