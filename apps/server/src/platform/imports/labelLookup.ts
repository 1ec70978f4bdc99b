/** Reverse of a code → label table, for spreadsheet cells that carry the label a person reads. */
export function labelLookup<K extends string>(labels: Record<K, string>): (text: string) => K | undefined {
  const byLabel = new Map<string, K>();
  for (const [key, label] of Object.entries(labels) as [K, string][]) {
    byLabel.set(label, key);
    byLabel.set(key, key);
    // "高级技师(一级)" may be typed as "高级技师"; "全国劳动模范/全国先进工作者" as either half.
    for (const part of label.split(/[/()（）]/)) if (part.trim() && !byLabel.has(part.trim())) byLabel.set(part.trim(), key);
  }
  return (text) => byLabel.get(text.trim());
}
