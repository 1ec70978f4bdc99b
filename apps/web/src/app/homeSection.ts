import type { Role } from "@jiangxin/domain";
import type { ComponentType, LazyExoticComponent } from "react";

/**
 * A block a programme puts at the top of 工作台 for some roles (an expert's 我的任务, say): the home page
 * reads them from the programme registry, so the platform names no programme.
 */
export interface HomeSection {
  key: string;
  roles: readonly Role[];
  Component: LazyExoticComponent<ComponentType>;
}
