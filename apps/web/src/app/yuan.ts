/**
 * Money arrives from the API as a decimal string ("1310000000.00"). It is handled here as whole
 * fen (分) in a BigInt, so neither summing nor scaling to 万元/亿元 ever goes through a float.
 */

const yuanPattern = /^(\d+)(?:\.(\d{1,2}))?$/;

/** Fen in a yuan string; null when the string is not a non-negative amount with at most two decimals. */
export function yuanToFen(yuan: string): bigint | null {
  const match = yuanPattern.exec(yuan.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  return BigInt(whole) * 100n + BigInt(fraction.padEnd(2, "0"));
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "1,310,000,000.00": the exact amount, for tooltips and detail views. */
export function formatYuanExact(yuan: string): string {
  const fen = yuanToFen(yuan);
  if (fen === null) return yuan;
  return `${groupThousands((fen / 100n).toString())}.${(fen % 100n).toString().padStart(2, "0")}`;
}

export interface ScaledYuan {
  /** The number to show, with thousands separators and at most `decimals` decimals, trailing zeros dropped. */
  value: string;
  unit: "亿元" | "万元" | "元";
}

const fenPerUnit = { 亿元: 10_000_000_000n, 万元: 1_000_000n } as const;

/** Rounds fen / divisor half up to `decimals` places and renders it; the result may reach the next unit. */
function scaled(fen: bigint, divisor: bigint, decimals: number): { text: string; whole: bigint } {
  const step = 10n ** BigInt(decimals);
  const rounded = (fen * step + divisor / 2n) / divisor;
  const whole = rounded / step;
  const fraction = decimals > 0 ? (rounded % step).toString().padStart(decimals, "0").replace(/0+$/, "") : "";
  return { text: groupThousands(whole.toString()) + (fraction ? `.${fraction}` : ""), whole };
}

/**
 * The report's way of writing money: 13.1亿元, 58.3万元, 860元. 万元 from 10,000 yuan, 亿元 from
 * 100,000,000 yuan; an amount that rounds up to 10,000万元 is written in 亿元 instead.
 */
export function formatYuanScaled(yuan: string, decimals = 2): ScaledYuan {
  const fen = yuanToFen(yuan);
  if (fen === null) return { value: yuan, unit: "元" };
  if (fen >= fenPerUnit.万元) {
    const inWan = scaled(fen, fenPerUnit.万元, decimals);
    if (inWan.whole < 10_000n) return { value: inWan.text, unit: "万元" };
    return { value: scaled(fen, fenPerUnit.亿元, decimals).text, unit: "亿元" };
  }
  const inYuan = scaled(fen, 100n, decimals);
  if (inYuan.whole >= 10_000n) return { value: scaled(fen, fenPerUnit.万元, decimals).text, unit: "万元" };
  return { value: inYuan.text, unit: "元" };
}

/** The sum of yuan strings, exact; strings that are not amounts are skipped. */
export function sumYuan(amounts: readonly (string | null | undefined)[]): string {
  let total = 0n;
  for (const amount of amounts) {
    const fen = amount == null ? null : yuanToFen(amount);
    if (fen !== null) total += fen;
  }
  return `${(total / 100n).toString()}.${(total % 100n).toString().padStart(2, "0")}`;
}

/**
 * What a money field holds after the user leaves it: "1200" → "1200.00", "1,200.5" → "1200.50".
 * Anything that is still not an amount is returned as typed, so the field's rule can say why.
 */
export function normalizeYuanInput(text: string): string {
  const stripped = text.replace(/[,，\s]/g, "").replace(/^¥|元$/g, "");
  const fen = yuanToFen(stripped);
  if (fen === null) return text.trim();
  return `${(fen / 100n).toString()}.${(fen % 100n).toString().padStart(2, "0")}`;
}

/**
 * The statistics' two money units, owned here so every page writes them alike (issue 11): tables and
 * charts in 万元 with exactly two decimals ("1,234.50", the column header carries the unit), headline
 * cards in 亿元 ("13.10"). Rounded half up from exact fen; an amount that is not one is returned as is.
 */
export function formatWan(yuan: string): string {
  const fen = yuanToFen(yuan);
  if (fen === null) return yuan;
  return fixed(fen, fenPerUnit.万元, 2);
}

/**
 * 亿元 for a headline card: two decimals, or four when the amount is under 0.1亿元 (a county's
 * 580万元 reads 0.0580, not 0.06), so a card never shows 0.00 for money that exists.
 */
export function formatYi(yuan: string): string {
  const fen = yuanToFen(yuan);
  if (fen === null) return yuan;
  return fixed(fen, fenPerUnit.亿元, fen > 0n && fen < fenPerUnit.亿元 / 10n ? 4 : 2);
}

/** fen / divisor rounded half up to exactly `decimals` places, thousands grouped. */
function fixed(fen: bigint, divisor: bigint, decimals: number): string {
  const step = 10n ** BigInt(decimals);
  const rounded = (fen * step + divisor / 2n) / divisor;
  return `${groupThousands((rounded / step).toString())}.${(rounded % step).toString().padStart(decimals, "0")}`;
}
