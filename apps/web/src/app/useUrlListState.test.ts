import { expertListQuerySchema, problemListQuerySchema, type ProblemListQuery } from "@jiangxin/domain";
import { describe, expect, it } from "vitest";
import { readListQuery, writeListQuery, type ListQueryPatch } from "./useUrlListState";

const read = (search: string) => readListQuery(problemListQuerySchema, new URLSearchParams(search));
const write = (search: string, patch: ListQueryPatch<ProblemListQuery>) =>
  writeListQuery(problemListQuerySchema, new URLSearchParams(search), patch).toString();

describe("a list's state in the address", () => {
  it("opens on the first page of 20 when the address says nothing", () => {
    expect(read("")).toEqual({ page: 1, pageSize: 20 });
  });

  it("reads filters and paging through the domain schema", () => {
    expect(read("q=%E8%BD%B4%E6%89%BF&status=implementing&open=true&page=2&pageSize=50")).toEqual({ q: "轴承", status: "implementing", open: true, page: 2, pageSize: 50 });
  });

  it("drops a bad value on its own and keeps the rest of the link", () => {
    expect(read("q=abc&page=x&status=bogus&regionCode=330127")).toEqual({ q: "abc", regionCode: "330127", page: 1, pageSize: 20 });
    expect(read("pageSize=1000&page=0")).toEqual({ page: 1, pageSize: 20 });
  });

  it("ignores empty values as if absent", () => {
    expect(readListQuery(expertListQuerySchema, new URLSearchParams("active=&trade="))).toEqual({ page: 1, pageSize: 20 });
  });

  it("writes only what differs from the defaults", () => {
    expect(write("page=3", { page: 1 })).toBe("");
    expect(write("", { page: 2, pageSize: 20 })).toBe("page=2");
    expect(write("", { page: 1, pageSize: 50 })).toBe("pageSize=50");
    expect(write("q=abc", { q: "" })).toBe("");
  });

  it("goes back to page 1 when a filter changes, not when it is set again to the same value", () => {
    expect(write("q=abc&page=4&pageSize=50", { status: "solved" })).toBe("q=abc&pageSize=50&status=solved");
    expect(write("q=abc&page=4", { q: "abc" })).toBe("q=abc&page=4");
    expect(write("q=abc&page=4", { regionCode: undefined })).toBe("q=abc&page=4");
  });
});
