// Finds what the docs name in backticks that the code no longer has: file paths (`platform/access.ts`,
// `programmes/flagship/demo/`), API routes (`GET /api/people/:id`) and pages (`/stations/new`).
// docReferences.test.ts fails on any; `node --import tsx scripts/docs/docReferences.ts` lists them.
import { execSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const codeExtensions = /\.(ts|tsx|mjs|js|json|sql|sh|css|html|md)$/;

/** Every tracked file and every file not ignored, as the working tree has them. */
export function repositoryFiles(root: string): string[] {
  const listed = execSync("git ls-files --cached --others --exclude-standard", { cwd: root, encoding: "utf8" }).split("\n").filter(Boolean);
  return listed.filter((file) => fs.existsSync(path.join(root, file)));
}

/** The backticked spans of a Markdown text, with their line numbers (fenced blocks left out: they show output and trees). */
export function backtickedSpans(text: string): { text: string; line: number }[] {
  const spans: { text: string; line: number }[] = [];
  let fenced = false;
  text.split("\n").forEach((line, index) => {
    if (line.trimStart().startsWith("```")) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    for (const match of line.matchAll(/`([^`]+)`/g)) spans.push({ text: (match[1] ?? "").trim(), line: index + 1 });
  });
  return spans;
}

/** A span that names a file or folder: has a slash or a source extension, no spaces, placeholders, globs or URL scheme. */
export function pathOf(span: string): string | null {
  // Absolute paths are the machine's (`/etc/jiangxin/data.key`) or pages (pageOf); `...` stands for a family.
  if (/\s|[<>*{}…$=]|:\/\/|^\/|\.\.\./.test(span)) return null;
  const bare = span.replace(/#.*$/, "").replace(/:\d+(-\d+)?$/, "");
  if (!bare.includes("/") && !codeExtensions.test(bare)) return null;
  // Commands, packages, options and upper-case placeholders (`DIR/sessions.csv`): not paths.
  if (/^(npm|npx|node|git|@|-)/.test(bare) || /(^|\/)[A-Z_]+\//.test(bare)) return null;
  return bare.replace(/^\.\/(?=.)/, "");
}

/** A span that names an API route: `/api/...`, with or without its method (an optional `[?query]` dropped). */
export function routeOf(span: string): { method: string | null; path: string } | null {
  const match = /^(?:(GET|POST|PUT|PATCH|DELETE)\s+)?(\/api\/[^\s?#`[]*)/.exec(span);
  if (!match?.[2]) return null;
  // `/api/.../:id/void` stands for a family of routes, `<kind>` for a placeholder.
  if (/[<>*{}…]|\.\.\./.test(match[2])) return null;
  return { method: match[1] ?? null, path: match[2].replace(/\/$/, "") };
}

/**
 * Whether a named path is there: from the root, as the tail of a file's path (docs name files from
 * their layer: `platform/access.ts`), outside the repository when it starts with ../, or a path git
 * ignores (what the app writes at run time: `./data`, `apps/web/dist`).
 */
export function pathExists(name: string, files: string[], root: string): boolean {
  if (name.startsWith("../")) return fs.existsSync(path.join(root, name));
  const folder = name.endsWith("/");
  const trimmed = folder ? name.slice(0, -1) : name;
  const found = files.some((file) => {
    if (folder) return file.startsWith(`${trimmed}/`) || file.includes(`/${trimmed}/`);
    return file === trimmed || file.endsWith(`/${trimmed}`) || file.startsWith(`${trimmed}/`) || file.includes(`/${trimmed}/`);
  });
  return found || isIgnored(name, root);
}

function isIgnored(name: string, root: string): boolean {
  // A folder pattern (`data/`) matches only a name with the slash when the folder is not on disk.
  return [name, `${name.replace(/\/$/, "")}/`].some((candidate) => {
    try {
      execSync(`git check-ignore -q ${JSON.stringify(candidate)}`, { cwd: root, stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  });
}

/**
 * A span that names a page or a route's tail (`/stations/new`, `/public/figures`, `/phone`): starts with
 * one slash. Paths on the machine (`/etc/…`, `/usr/bin/chromium`) are not the code's to check.
 */
export function pageOf(span: string): string | null {
  if (!/^\/[A-Za-z0-9:_-]*(\/[A-Za-z0-9:_-]+)*\/?$/.test(span) || span.startsWith("/api/")) return null;
  if (/^\/(etc|usr|tmp|var|work|opt|home|dev|proc)\//.test(span)) return null;
  return span;
}

/** Whether some string in the sources ends with the page path (`"/stations/new"`, `"/api/people/:id/phone"`). */
export function pageExists(page: string, sources: string): boolean {
  const pattern = page
    .split("/")
    .map((segment) => (segment.startsWith(":") ? ":[A-Za-z]+" : segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("/");
  return new RegExp(`${pattern}["'\`]`).test(sources);
}

/** Whether the server's sources spell the route: a literal segment may stand for a parameter (`/api/imports/people` is `/api/imports/:kind`). */
export function routeExists(route: { path: string }, serverSources: string): boolean {
  const pattern = route.path
    .split("/")
    .map((segment) => (segment.startsWith(":") ? ":[A-Za-z]+" : `(?:${segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}|:[A-Za-z]+)`))
    .join("/");
  return new RegExp(`["'\`]${pattern}["'\`]`).test(serverSources);
}

/** Spans shaped like paths that name none in the repository, each with why. */
const notPaths = new Map([
  ["pglite/", "the database folder inside the data folder, made at run time"],
  ["summary.json", "written by the screenshot sweep into its output folder"],
  ["limit/offset", "SQL paging, not a path"],
]);

/** Every backticked path or route in docs/*.md and README.md that names nothing in the code. */
export function staleReferences(root: string): string[] {
  const files = repositoryFiles(root);
  const serverSources = files
    .filter((file) => file.startsWith("apps/server/src/") && /\.ts$/.test(file) && !file.endsWith(".test.ts"))
    .map((file) => fs.readFileSync(path.join(root, file), "utf8"))
    .join("\n");
  const webSources = files
    .filter((file) => file.startsWith("apps/web/src/") && /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file))
    .map((file) => fs.readFileSync(path.join(root, file), "utf8"))
    .join("\n");
  const docs = files.filter((file) => /^docs\/[^/]+\.md$/.test(file) || file === "README.md");
  const stale: string[] = [];
  for (const doc of docs) {
    for (const span of backtickedSpans(fs.readFileSync(path.join(root, doc), "utf8"))) {
      const route = routeOf(span.text);
      if (route) {
        if (!routeExists(route, serverSources)) stale.push(`${doc}:${span.line} route ${span.text}`);
        continue;
      }
      const page = pageOf(span.text);
      if (page) {
        if (!pageExists(page, `${serverSources}\n${webSources}`)) stale.push(`${doc}:${span.line} page ${span.text}`);
        continue;
      }
      const name = pathOf(span.text);
      if (name && !notPaths.has(name) && !pathExists(name, files, root)) stale.push(`${doc}:${span.line} path ${span.text}`);
    }
  }
  return stale;
}

if (import.meta.url === `file://${process.argv[1] ?? ""}`) {
  const stale = staleReferences(process.cwd());
  console.log(stale.join("\n") || "every path and route the docs name exists");
  console.log(`${stale.length} stale`);
}
