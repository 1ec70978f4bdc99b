// 劳模工匠助企行's public surface on the web: its pages, which programmes/registry.tsx places in the menu.
export { flagshipRoutes } from "./routes";
export { flagshipHomeSections } from "./home/homeSections";
