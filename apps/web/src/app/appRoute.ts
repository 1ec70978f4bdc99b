import type { RoutePermission } from "@jiangxin/domain";
import type { ComponentType, LazyExoticComponent, ReactNode } from "react";

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
