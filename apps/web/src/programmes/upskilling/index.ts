// 学历与技能提升's public surface on the web: its pages, which programmes/registry.tsx places in the menu.
export { upskillingRoutes } from "./routes";
