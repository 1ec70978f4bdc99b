import type { Campaign } from "@jiangxin/domain";

/** How a campaign's coverage reads on its card: "全部山区海岛县", "淳安县、建德市", "淳安县等地的山区海岛县". */
export function campaignRegionsText(campaign: Pick<Campaign, "regionCodes" | "priorityOnly">, names: ReadonlyMap<string, string> | null): string {
  const listed = campaign.regionCodes.map((code) => names?.get(code) ?? code).join("、");
  if (campaign.priorityOnly) return listed ? `${listed}的山区海岛县` : "全部山区海岛县";
  return listed || "全省";
}
