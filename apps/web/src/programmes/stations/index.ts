// 户外劳动者服务站's public surface on the web: its pages, which programmes/registry.tsx places in the menu.
export { stationsRoutes } from "./routes";
