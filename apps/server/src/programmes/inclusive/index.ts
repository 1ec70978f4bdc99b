// 普惠服务 (9+X)'s public surface: what app.ts registers and what the dashboard counts. Members, the
// benefit items and the ledger are master data (masterData/members); this programme counts them and
// runs the meal vouchers.
import { inclusiveProgramme } from "@jiangxin/domain";
import type { Programme } from "../../platform/programme";
import { countInclusiveIndicators } from "./countInclusiveIndicators";
import { inclusiveDemo } from "./demo/inclusiveDemo";
import { inclusiveMyItems } from "./myItems";
import { inclusiveRoutes } from "./routes";

export const inclusive: Programme = {
  descriptor: inclusiveProgramme,
  routes: inclusiveRoutes,
  countIndicators: countInclusiveIndicators,
  demo: inclusiveDemo,
  myItems: inclusiveMyItems,
};
