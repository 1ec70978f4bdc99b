/**
 * Chinese names in the order a reader expects (pinyin, as a dictionary or a roster lists them), not by
 * code point: by code point 嘉兴市 comes before 杭州市 and 温州市 before 湖州市.
 */
const collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

export const compareChinese = (a: string, b: string): number => collator.compare(a, b);

/** A copy of `items` sorted by the Chinese name `nameOf` gives each. */
export function sortByChineseName<T>(items: readonly T[], nameOf: (item: T) => string): T[] {
  return [...items].sort((a, b) => compareChinese(nameOf(a), nameOf(b)));
}
