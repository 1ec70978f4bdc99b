import { expertAvailabilityLabels, honourTitleLabels, trades, type ExpertAvailability, type Honour, type TradeCode } from "@jiangxin/domain";

export const tradeName = (code: string): string => (code in trades ? trades[code as TradeCode] : code);

export const tradeOptions = (Object.keys(trades) as TradeCode[]).map((code) => ({ value: code, label: trades[code] }));

export const availabilityColors: Record<ExpertAvailability, string> = { available: "green", busy: "orange", unavailable: "default" };

export const availabilityOptions = (Object.keys(expertAvailabilityLabels) as ExpertAvailability[]).map((value) => ({
  value,
  label: expertAvailabilityLabels[value],
}));

/** The certificate's own wording when given, else the title's standard name. */
export const honourName = (h: Honour): string => h.name || honourTitleLabels[h.title];

export const honourLevelColors: Record<Honour["level"], string> = { national: "red", provincial: "orange", city: "blue" };
