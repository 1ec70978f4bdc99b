// The layering the code keeps (docs/architecture.md, "Boundaries"), as ESLint `no-restricted-imports`
// blocks generated per folder: the rule matches import strings as written, and a relative string means
// something different in each folder, so every folder gets the patterns spelled from where it stands.
import fs from "node:fs";
import path from "node:path";

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The source trees and their layers, repo-relative. */
export const trees = [
  { root: "apps/server/src", platform: ["platform"], layers: ["masterData", "programmes"] },
  { root: "apps/web/src", platform: ["app"], layers: ["masterData", "programmes"] },
  { root: "packages/domain/src", platform: [], layers: ["programmes"] },
];

/** The modules of a tree: every folder directly under a layer (masterData/enterprises, programmes/flagship). */
export function modulesOf(repo, tree) {
  return tree.layers.flatMap((layer) => {
    const dir = path.join(repo, tree.root, layer);
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => ({ layer, name: d.name, dir: path.posix.join(tree.root, layer, d.name) }));
  });
}

function foldersUnder(repo, rel) {
  const out = [rel];
  for (const d of fs.readdirSync(path.join(repo, rel), { withFileTypes: true })) {
    if (d.isDirectory() && d.name !== "node_modules" && d.name !== "dist") out.push(...foldersUnder(repo, path.posix.join(rel, d.name)));
  }
  return out;
}

const relFrom = (folder, target) => {
  const r = path.posix.relative(folder, target);
  return r.startsWith(".") ? r : `./${r}`;
};
const inside = (folder, dir) => folder === dir || folder.startsWith(`${dir}/`);

/**
 * The forbidden import patterns for files in `folder` (tests get the programme rule only: an
 * integration test may set up records through another layer's factories, never another programme's).
 */
export function restrictionsFor(folder, tree, modules, { isTest }) {
  const patterns = [];
  const own = modules.find((m) => inside(folder, m.dir));
  const programmeDirs = modules.filter((m) => m.layer === "programmes");
  // 1. A programme never reaches into another programme, in any form.
  if (own?.layer === "programmes") {
    for (const p of programmeDirs.filter((p) => p !== own)) {
      patterns.push({ regex: `^${escape(relFrom(folder, p.dir))}(/.*)?$`, message: `A programme never imports another programme (${p.name}); share through platform/ or master data.` });
    }
  }
  if (isTest) return patterns;
  const inPlatform = tree.platform.some((p) => inside(folder, path.posix.join(tree.root, p)));
  // 2. The platform imports no module; master data imports no programme.
  if (inPlatform || own?.layer === "masterData") {
    for (const m of modules.filter((m) => m.layer === "programmes" || (inPlatform && m.layer === "masterData"))) {
      patterns.push({ regex: `^${escape(relFrom(folder, m.dir))}(/.*)?$`, message: `${inPlatform ? "platform" : "Master data"} must not import ${m.layer}/${m.name}: pass what it needs in (AppContext, a registry).` });
    }
  }
  // 3. Outside a module, only its index.ts (its public surface) may be imported.
  for (const m of modules.filter((m) => m !== own)) {
    patterns.push({ regex: `^${escape(relFrom(folder, m.dir))}/(?!index$).+`, message: `Import ${m.layer}/${m.name} through its index.ts, its one public surface.` });
  }
  return patterns;
}

/**
 * Flat-config blocks: one per folder (and one for its tests), each with its own patterns. The one
 * exception: a `tables.ts` may import another module's `tables.ts`, since a foreign key is declared on
 * the column that holds it (drizzle's `.references(() => other.id)`); importing the other module's
 * index there would tie the schema into a cycle through its routes. Only master data's tables may be
 * referenced so: no programme's table is another programme's or the platform's foreign key.
 */
export function boundaryBlocks(repo, { exempt = [] } = {}) {
  const blocks = [];
  for (const tree of trees) {
    if (!fs.existsSync(path.join(repo, tree.root))) continue;
    const modules = modulesOf(repo, tree);
    for (const folder of foldersUnder(repo, tree.root)) {
      if (exempt.some((e) => inside(folder, e))) continue;
      const files = [`${folder}/*.ts`, `${folder}/*.tsx`];
      const tests = [`${folder}/*.test.ts`, `${folder}/*.test.tsx`];
      const main = restrictionsFor(folder, tree, modules, { isTest: false });
      const test = restrictionsFor(folder, tree, modules, { isTest: true });
      if (main.length) blocks.push({ files, ignores: [...tests, `${folder}/tables.ts`], rules: { "no-restricted-imports": ["error", { patterns: main }] } });
      const schema = main.map((p) => (!p.message.includes("masterData/") ? p : { ...p, regex: p.regex.replace(/\(\/\.\*\)\?\$$/, "(?:/(?!tables$).*)?$").replace("(?!index$)", "(?!index$|tables$)") }));
      if (schema.length) blocks.push({ files: [`${folder}/tables.ts`], rules: { "no-restricted-imports": ["error", { patterns: schema }] } });
      if (test.length) blocks.push({ files: tests, rules: { "no-restricted-imports": ["error", { patterns: test }] } });
    }
  }
  return blocks;
}
