import { describe, expect, it } from "vitest";
import { compareChinese, sortByChineseName } from "./chineseOrder";

describe("Chinese name order", () => {
  it("sorts by pinyin, not by code point", () => {
    const cities = ["温州市", "嘉兴市", "湖州市", "杭州市"];
    // Code point order, the defect: 嘉 (U+5609) < 杭 (U+676D) < 温 (U+6E29) < 湖 (U+6E56).
    expect([...cities].sort()).toEqual(["嘉兴市", "杭州市", "温州市", "湖州市"]);
    expect([...cities].sort(compareChinese)).toEqual(["杭州市", "湖州市", "嘉兴市", "温州市"]);
  });
  it("sorts records by a name field and leaves the input alone", () => {
    const experts = [{ name: "葛文斌" }, { name: "郭红英" }, { name: "林雪梅" }, { name: "陈晓" }];
    expect(sortByChineseName(experts, (e) => e.name).map((e) => e.name)).toEqual(["陈晓", "葛文斌", "郭红英", "林雪梅"]);
    expect(experts[0]?.name).toBe("葛文斌");
  });
});
