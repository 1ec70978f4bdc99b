import { GiftOutlined, CoffeeOutlined, EnvironmentOutlined, ReadOutlined, ToolOutlined, TrophyOutlined } from "@ant-design/icons";
import { competitionsProgramme, flagshipProgramme, inclusiveProgramme, rolePermissions, recuperationProgramme, stationsProgramme, upskillingProgramme, type ProgrammeDescriptor, type Role } from "@jiangxin/domain";
import type { ReactNode } from "react";
import type { AppRoute } from "../app/appRoute";
import type { HomeSection } from "../app/homeSection";
import { competitionsRoutes } from "./competitions";
import { flagshipHomeSections, flagshipRoutes } from "./flagship";
import { inclusiveRoutes } from "./inclusive";
import { recuperationRoutes } from "./recuperation";
import { stationsRoutes } from "./stations";
import { upskillingRoutes } from "./upskilling";

/** A programme as the web app sees it: the shared descriptor, its menu icon and its pages. */
export interface WebProgramme {
  descriptor: ProgrammeDescriptor;
  icon: ReactNode;
  routes: readonly AppRoute[];
  /** Whether the role works in the programme (holds a permission that is not a plain read). */
  isOwn(role: Role): boolean;
  /** Blocks at the top of 工作台 for some roles (app/homeSection.ts). */
  homeSections?: readonly HomeSection[];
}

function webProgramme(descriptor: ProgrammeDescriptor, icon: ReactNode, routes: readonly AppRoute[]): WebProgramme {
  const works = descriptor.permissions.filter((p) => !p.endsWith(".read"));
  return { descriptor, icon, routes, isOwn: (role) => rolePermissions[role].some((p) => works.includes(p)) };
}

/** Every programme's pages, in menu order: the one place a programme's web folder is registered. */
export const webProgrammes: readonly WebProgramme[] = [{ ...webProgramme(flagshipProgramme, <ToolOutlined />, flagshipRoutes), homeSections: flagshipHomeSections }, webProgramme(competitionsProgramme, <TrophyOutlined />, competitionsRoutes), webProgramme(stationsProgramme, <EnvironmentOutlined />, stationsRoutes), webProgramme(upskillingProgramme, <ReadOutlined />, upskillingRoutes), webProgramme(recuperationProgramme, <CoffeeOutlined />, recuperationRoutes), webProgramme(inclusiveProgramme, <GiftOutlined />, inclusiveRoutes)];
