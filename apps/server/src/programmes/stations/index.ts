// 户外劳动者服务站's public surface on the server: what app.ts registers, the dashboard counts and the
// demo loads. Nothing outside this folder imports any other file of it.
import { stationsProgramme } from "@jiangxin/domain";
import type { Programme } from "../../platform/programme";
import { stationsDemo } from "./demo/stationsDemo";
import { countStationIndicators } from "./indicators/countStationIndicators";
import { stationRoutes } from "./routes";
import { stationAttachmentOwners } from "./stationAttachmentOwners";

export const stations: Programme = {
  descriptor: stationsProgramme,
  routes: stationRoutes,
  countIndicators: countStationIndicators,
  demo: stationsDemo,
  attachmentOwners: stationAttachmentOwners,
  async publicEntries() {
    return [
      {
        key: "stations.finder",
        title: "附近的户外劳动者服务站",
        summary: "快递员、外卖骑手、环卫和建筑工人歇脚、喝水、充电的地方：现在开着的、离你最近的，设施何时核实一目了然",
        link: "/public/stations",
      },
    ];
  },
};
