import { csrfHeader, sessionCookie } from "@jiangxin/domain";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import type { Agent, TestApp } from "./testApp";

/**
 * A fuzzer for every route of the running app, driven by the app's own OpenAPI document (generated
 * from the zod schemas), so a route added tomorrow is fuzzed without a line here. Bodies and query
 * strings are generated from each schema: values that fit it (to get past validation into services
 * and SQL), values at and beyond its edges, and hostile ones (NUL and other control characters,
 * impossible dates, huge and non-integer numbers, wrong types, unknown fields). Path parameters are
 * real ids harvested from the lists, random UUIDs or junk. The one property: no answer is ≥ 500.
 */

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
  $ref?: string;
};
type Parameter = { in: string; name: string; required?: boolean; schema: JsonSchema };
type Operation = { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: JsonSchema }> } };
type OpenApi = { paths: Record<string, Record<string, Operation>> };

export type FuzzTarget = { method: string; url: string; path: string; op: Operation };
export type FuzzFailure = { method: string; url: string; body?: unknown; status: number; answer: string };
export type FuzzReport = { requests: number; byRoute: Map<string, number>; statusCounts: Map<number, number>; failures: FuzzFailure[] };

/** Routes that end the fuzzing session itself or only serve the docs; everything else is fuzzed. */
const skipped = new Set(["POST /api/auth/logout"]);

const hostileStrings = [
  "a\u0000",
  "\u0000",
  "%00",
  "\u001b[31m",
  "\ud800",
  "0000-01-01",
  "1899-12-31",
  "2101-01-01",
  "9999-12-31",
  "2025-02-30",
  "2025-13-01",
  "+275760-09-13",
  "-000001-01-01",
  "1e309",
  "NaN",
  "-1",
  "0",
  "99999999999999999999",
  "'; drop table users; --",
  "%",
  "_",
  "\\",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "𠮷野家😀",
  " ",
  "",
  "x".repeat(5000),
];
const hostileNumbers = [0, -1, 1, 0.5, -0.5, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308, Number.MAX_SAFE_INTEGER, 1e15, 123456789012];

const dateArb = fc.oneof(
  fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.constantFrom("2025-01-01", "2025-12-31", "2024-02-29", "2026-06-30"),
);

function resolve(schema: JsonSchema, doc: OpenApi & { components?: { schemas?: Record<string, JsonSchema> } }): JsonSchema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.split("/").pop() ?? "";
  return doc.components?.schemas?.[name] ?? {};
}

/** Values that fit the schema as closely as a generator can without knowing the record ids. */
function fitting(schema: JsonSchema, doc: OpenApi, ids: string[], depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives && alternatives.length > 0) return fc.oneof(...alternatives.map((a) => fitting(a, doc, ids, depth)));
  if (s.allOf && s.allOf.length > 0) return fitting(s.allOf[0] ?? {}, doc, ids, depth);
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== "null") ?? "null") : s.type;
  switch (type) {
    case "string": {
      if (s.format === "uuid") return ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid()) : fc.uuid();
      if (s.format === "date") return dateArb;
      if (s.format === "date-time") return dateArb.map((d) => `${d}T08:00:00.000Z`);
      if (s.pattern === "^\\d{6}$") return fc.constantFrom("330127", "330723", "330100", "330000", "330182", "999999");
      if (s.pattern === "^\\d{4}$") return fc.constantFrom("2025", "2026", "1900", "0000");
      const min = s.minLength ?? 0;
      const max = Math.min(s.maxLength ?? 40, 60);
      return fc.oneof(
        fc.string({ unit: "grapheme", minLength: min, maxLength: Math.max(min, max) }),
        fc.constantFrom("淳安县精工机械有限公司", "焊接变形", "13812345678", "91330127MA2B3C4D5E", "330127197001011234"),
      );
    }
    case "integer":
    case "number": {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
      const lo = Math.max(min, -1e9);
      const hi = Math.min(max, 1e9);
      const int = fc.integer({ min: Math.ceil(lo), max: Math.max(Math.ceil(lo), Math.floor(hi)) });
      return type === "integer" ? fc.oneof(int, fc.constantFrom(Math.ceil(lo), Math.floor(hi))) : fc.oneof(int, fc.double({ min: lo, max: hi, noNaN: true }));
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      if (depth > 4) return fc.constant([]);
      const maxLength = Math.min(s.maxItems ?? 4, 6);
      return fc.array(fitting(s.items ?? {}, doc, ids, depth + 1), { minLength: Math.min(s.minItems ?? 0, maxLength), maxLength });
    }
    case "object":
    default: {
      if (!s.properties || depth > 4) return fc.constant({});
      const required = new Set(s.required ?? []);
      const entries = Object.entries(s.properties);
      return fc.record(
        Object.fromEntries(entries.map(([k, v]) => [k, fuzzed(v, doc, ids, depth + 1)])),
        { requiredKeys: entries.map(([k]) => k).filter((k) => required.has(k)) },
      );
    }
  }
}

/** Mostly fitting values, sometimes hostile ones: a field-level 400 is a fine answer, a 500 is not. */
function fuzzed(schema: JsonSchema, doc: OpenApi, ids: string[], depth: number): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 6, arbitrary: fitting(schema, doc, ids, depth) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...hostileStrings) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(...hostileNumbers) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, [], {}, [null], { a: "\u0000" }) },
  );
}

function bodyArb(target: FuzzTarget, doc: OpenApi, ids: string[]): fc.Arbitrary<unknown> | undefined {
  const schema = target.op.requestBody?.content?.["application/json"]?.schema;
  if (!schema) return undefined;
  return fc.oneof(
    { weight: 8, arbitrary: fitting(schema, doc, ids, 0) },
    // An unknown field, or a whole body of the wrong shape.
    { weight: 1, arbitrary: fc.tuple(fitting(schema, doc, ids, 0), fc.constantFrom(...hostileStrings)).map(([b, v]) => (b && typeof b === "object" && !Array.isArray(b) ? { ...b, ["zz\u0000" + v.slice(0, 3)]: v } : b)) },
    { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], "text", 1, { "": "" }) },
  );
}

function queryArb(target: FuzzTarget): fc.Arbitrary<string> {
  const params = (target.op.parameters ?? []).filter((p) => p.in === "query");
  const names = [...params.map((p) => p.name), "q", "page"];
  const value = (p: Parameter | undefined): fc.Arbitrary<string> => {
    const s = p?.schema ?? {};
    const fit: fc.Arbitrary<string> =
      s.enum && s.enum.length > 0
        ? fc.constantFrom(...s.enum.map(String))
        : s.format === "date"
          ? dateArb
          : s.format === "uuid"
            ? fc.uuid()
            : s.type === "integer" || s.type === "number"
              ? fc.integer({ min: -5, max: 3000 }).map(String)
              : fc.string({ maxLength: 20 });
    return fc.oneof({ weight: 3, arbitrary: fit }, { weight: 2, arbitrary: fc.constantFrom(...hostileStrings.filter((h) => h.length < 100)) });
  };
  return fc
    .uniqueArray(fc.constantFrom(...names), { maxLength: Math.min(4, names.length) })
    .chain((picked) => fc.tuple(...picked.map((n) => value(params.find((p) => p.name === n)).map((v) => [n, v] as const))))
    .map((pairs) => pairs.map(([n, v]) => `${encode(n)}=${encode(v)}`).join("&"));
}

const pathValue = (ids: string[]) =>
  fc.oneof(
    { weight: ids.length > 0 ? 5 : 0, arbitrary: ids.length > 0 ? fc.constantFrom(...ids) : fc.constant("x") },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom("330127", "330000", "999999", "enterprises", "people", "experts", "demandLists") },
    { weight: 1, arbitrary: fc.constantFrom(...hostileStrings.filter((h) => h.length > 0 && h.length < 100)) },
  );

/** Every fuzzable route of the app, from its route table and OpenAPI document. */
export async function fuzzTargets(t: TestApp): Promise<{ doc: OpenApi; targets: FuzzTarget[] }> {
  const doc = (await t.app.inject({ method: "GET", url: "/docs/json" })).json<OpenApi>();
  const targets: FuzzTarget[] = [];
  for (const r of t.routes) {
    if (!r.url.startsWith("/api/") || r.method === "HEAD" || r.method === "OPTIONS" || skipped.has(`${r.method} ${r.url}`)) continue;
    const path = r.url.replace(/:(\w+)/g, "{$1}");
    const op = doc.paths[path]?.[r.method.toLowerCase()] ?? {};
    targets.push({ method: r.method, url: r.url, path, op });
  }
  return { doc, targets };
}

/** Ids of records the fuzzing user can see, from every list route, so paths reach real rows. */
export async function harvestIds(agent: Agent, targets: FuzzTarget[]): Promise<string[]> {
  const ids = new Set<string>();
  for (const target of targets) {
    if (target.method !== "GET" || target.url.includes(":") || target.url.endsWith("/export")) continue;
    const res = await agent.get(`${target.url}?pageSize=20`);
    if (res.statusCode !== 200 || !res.headers["content-type"]?.toString().includes("json")) continue;
    const found = res.body.match(/"id":"[0-9a-f-]{36}"/g) ?? [];
    for (const m of found.slice(0, 20)) ids.add(m.slice(6, -1));
  }
  return [...ids];
}

export async function fuzzRoutes(
  t: TestApp,
  agent: () => Promise<Agent>,
  opts: { runsPerRoute: number; seed: number; only?: (target: FuzzTarget) => boolean; onRoute?: (target: FuzzTarget, done: number) => void },
): Promise<FuzzReport> {
  const { doc, targets } = await fuzzTargets(t);
  let current = await agent();
  const ids = await harvestIds(current, targets);
  const report: FuzzReport = { requests: 0, byRoute: new Map(), statusCounts: new Map(), failures: [] };
  const send = async (method: string, url: string, body: unknown): Promise<LightMyRequestResponse> => {
    const headers: Record<string, string> = { cookie: `${sessionCookie}=${current.cookie}`, [csrfHeader]: current.info.csrfToken };
    if (body !== undefined) headers["content-type"] = "application/json";
    // Let timers run between requests, as they do between a real server's requests: the in-memory database
    // answers through promises alone, and a loop of injections would otherwise starve the load shedder's
    // event-loop sampler, which then keeps its last (high) reading and turns everything away.
    await new Promise((resolve) => setImmediate(resolve));
    const res = await t.app.inject({ method: method as "GET", url, headers, ...(body === undefined ? {} : { payload: JSON.stringify(body) }) });
    // A fuzzed request can end the session (a password change elsewhere): start a fresh one.
    if (res.statusCode === 401) current = await agent();
    return res;
  };
  for (const target of targets.filter(opts.only ?? (() => true))) {
    const key = `${target.method} ${target.url}`;
    const body = target.method === "GET" || target.method === "DELETE" ? undefined : bodyArb(target, doc, ids);
    const request = fc.record({
      path: fc.tuple(...[...target.url.matchAll(/:(\w+)/g)].map(() => pathValue(ids))),
      query: target.method === "GET" ? queryArb(target) : fc.constant(""),
      body: body ?? fc.constant(undefined),
    });
    const samples = fc.sample(request, { numRuns: opts.runsPerRoute, seed: opts.seed + hash(key) });
    for (const sample of samples) {
      let i = 0;
      const url = target.url.replace(/:(\w+)/g, () => encode(String(sample.path[i++] ?? "")));
      const full = sample.query ? `${url}?${sample.query}` : url;
      const res = await send(target.method, full, target.method === "GET" ? undefined : (sample.body ?? {}));
      report.requests++;
      report.byRoute.set(key, (report.byRoute.get(key) ?? 0) + 1);
      report.statusCounts.set(res.statusCode, (report.statusCounts.get(res.statusCode) ?? 0) + 1);
      if (res.statusCode >= 500) report.failures.push({ method: target.method, url: full, body: sample.body, status: res.statusCode, answer: res.body.slice(0, 300) });
    }
    opts.onRoute?.(target, report.byRoute.get(key) ?? 0);
  }
  return report;
}

/** Percent-encoding that survives lone surrogates: they go out as the invalid UTF-8 bytes they would be. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s
      .split(/([\uD800-\uDFFF])/)
      .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? "%ED%A0%80" : encodeURIComponent(part)))
      .join("");
  }
}

function hash(s: string): number {
  let h = 0;
  for (const c of s) h = (h * 31 + c.charCodeAt(0)) | 0;
  return Math.abs(h);
}
