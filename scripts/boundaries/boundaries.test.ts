import { ESLint } from "eslint";
import tseslint from "typescript-eslint";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { modulesOf, trees } from "./moduleBoundaries.mjs";

const repo = path.resolve(import.meta.dirname, "../..");

/**
 * Lints `code` as if it were the file at `file` (repo-relative), with the project's own config — less
 * the type-aware rules, which need the file on disk and say nothing about imports.
 */
async function lintAs(file: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repo, overrideConfig: [tseslint.configs.disableTypeChecked] });
  const [result] = await eslint.lintText(code, { filePath: path.join(repo, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === "no-restricted-imports").map((m) => m.message);
}

describe("module boundaries (ESLint no-restricted-imports)", () => {
  it("refuses a deliberately wrong import: a master-data module reaching into the flagship's tables", async () => {
    const messages = await lintAs("apps/server/src/masterData/experts/wrong.ts", 'export { problems } from "../../programmes/flagship/problems/tables";\n');
    expect(messages.join("\n")).toMatch(/must not import programmes\/flagship/);
  });

  it("refuses the platform importing master data, and anyone importing a module's internals", async () => {
    expect((await lintAs("apps/server/src/platform/wrong.ts", 'export { experts } from "../masterData/experts";\n')).join()).toMatch(/platform must not import masterData\/experts/);
    expect((await lintAs("apps/server/src/programmes/flagship/wrong.ts", 'export { toExpert } from "../../masterData/experts/queries";\n')).join()).toMatch(/through its index\.ts/);
    expect((await lintAs("apps/web/src/programmes/flagship/wrong.ts", 'export { listExperts } from "../../masterData/experts/api";\n')).join()).toMatch(/through its index\.ts/);
  });

  it("allows the public surface, and a foreign key from one tables.ts to master data's", async () => {
    expect(await lintAs("apps/server/src/programmes/flagship/fine.ts", 'export { experts } from "../../masterData/experts";\n')).toEqual([]);
    expect(await lintAs("apps/server/src/programmes/flagship/problems/tables.ts", 'export { enterprises } from "../../../masterData/enterprises/tables";\n')).toEqual([]);
  });

  it("refuses one programme importing another, even from a test", () => {
    // The config lists the programme folders when it loads, so a second programme folder is made
    // first and the snippet linted in a fresh process (this one has loaded the config already).
    const other = "apps/server/src/programmes/zzOther";
    fs.mkdirSync(path.join(repo, other), { recursive: true });
    try {
      const script = `
        import { ESLint } from "eslint"; import tseslint from "typescript-eslint";
        const eslint = new ESLint({ cwd: process.cwd(), overrideConfig: [tseslint.configs.disableTypeChecked] });
        const [r] = await eslint.lintText('export * from "../zzOther";\\n', { filePath: process.cwd() + "/apps/server/src/programmes/flagship/some.test.ts" });
        console.log(JSON.stringify(r.messages.map((m) => m.message)));`;
      const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { cwd: repo, encoding: "utf8" });
      expect(out).toMatch(/never imports another programme \(zzOther\)/);
    } finally {
      fs.rmSync(path.join(repo, other), { recursive: true });
    }
  });
});

/** The modules one tree's files import (by relative path), as a graph between module folders. */
function moduleGraph(tree: (typeof trees)[number]): Map<string, Set<string>> {
  const modules = modulesOf(repo, tree) as { dir: string }[];
  const platform = tree.platform.map((p) => path.posix.join(tree.root, p));
  const unitOf = (file: string) => [...modules.map((m) => m.dir), ...platform].find((d) => file === d || file.startsWith(`${d}/`));
  const graph = new Map<string, Set<string>>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
      const rel = path.posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(rel);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const from = unitOf(rel);
        if (!from) continue;
        const text = fs.readFileSync(path.join(repo, rel), "utf8");
        for (const m of text.matchAll(/from\s+"(\.{1,2}\/[^"]+)"/g)) {
          // A type-only import creates no load-order dependency; schema references between tables.ts are lazy.
          if (/import\s+type\b/.test(text.slice(Math.max(0, (m.index ?? 0) - 200), m.index).split("\n").pop() ?? "")) continue;
          if (rel.endsWith("/tables.ts")) continue;
          const to = unitOf(path.posix.normalize(path.posix.join(path.posix.dirname(rel), m[1] ?? "")));
          if (to && to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from))?.add(to);
        }
      }
    }
  };
  walk(tree.root);
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (n: string): string[] | undefined => {
    if (state.get(n) === "open") return [...stack.slice(stack.indexOf(n)), n];
    if (state.get(n) === "done") return undefined;
    state.set(n, "open");
    stack.push(n);
    for (const m of graph.get(n) ?? []) {
      const cycle = visit(m);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(n, "done");
    return undefined;
  };
  for (const n of graph.keys()) {
    const cycle = visit(n);
    if (cycle) return cycle;
  }
  return undefined;
}

describe("no import cycles between modules", () => {
  for (const tree of trees) {
    it(`${tree.root}: the platform and the modules form no cycle`, () => {
      expect(findCycle(moduleGraph(tree))).toBeUndefined();
    });
  }
});
