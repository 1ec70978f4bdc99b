// 职工疗休养's public surface on the web: its pages, which programmes/registry.tsx places in the menu.
export { recuperationRoutes } from "./routes";
