// 职业技能竞赛's public surface on the web: its pages, which programmes/registry.tsx places in the menu.
export { competitionsRoutes } from "./routes";
