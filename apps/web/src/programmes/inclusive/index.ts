// 普惠服务(9+X)'s public surface on the web: its pages, which programmes/registry.tsx places in the menu.
export { inclusiveRoutes } from "./routes";
