import { csrfHeader, roles, sessionCookie, type Role } from "@jiangxin/domain";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeEnterprise, makeUser } from "./fixtures/factories";
import { makeExpert } from "./fixtures/makeExpert";
import { makeAgreement } from "./programmes/flagship/demo/makeAgreement";
import { makeDemandList } from "./programmes/flagship/demo/makeDemandList";
import { makeServiceSession } from "./programmes/flagship/demo/makeServiceSession";
import { makeTraining } from "./programmes/flagship/demo/makeTraining";
import { loginAs, startTestApp, type Agent, type TestApp } from "./testing/testApp";

/**
 * The actor × route matrix (GitLab's policy-table style): every API route of the running app, every
 * role, and a record inside the actor's scope (world A) and one outside it (world B). The expected
 * answer of every cell is written in POLICY below; the test fails on any cell that differs — a leak
 * (allowed where the table says deny) as much as a lock-out — and on any route without a row.
 *
 * World A is 淳安 (330127, 杭州): firm A, expert X (owner and team of A's problem, session, agreement,
 * training), a 杭州 campaign. World B is 武义 (330723, 金华): firm B, expert Y, the same records, a 金华
 * campaign. Actors: province; city = 杭州; county = 淳安; enterprise = firm A; expert = X; worker,
 * integration and union accounts bound to nothing in either world.
 *
 * A cell is two letters, in-scope record then out-of-scope record: Y = allowed, N = denied.
 *   GET with an id:   Y = 200; N = 403 or 404 (out of scope is indistinguishable from missing).
 *   GET of a list:    Y = 200 and the record listed; N = 403, or 200 without the record.
 *   routes without a record of ours (no id, or ids of kinds not built here): both letters the same;
 *                     Y = not refused (any answer but 401/403), N = 403.
 *   writes with an id: sent with the row's body (or {}): Y = not 401/403/404, N = 403 or 404. With {}
 *                     validation answers 400 before the service looks at the record, so for rows
 *                     without a body the out-of-scope letter only says the role passes the permission.
 * Adding a route: add a row (copy a neighbour's); `JIANGXIN_MATRIX_PRINT=1 npx vitest run
 * apps/server/src/accessMatrix.test.ts` prints the observed table to compare with what you expect.
 */
type Actor = Role;
const actors: readonly Actor[] = ["province", "city", "county", "enterprise", "expert", "worker", "integration", "union"];
type RecordKind = "enterprise" | "expert" | "session" | "problem" | "demandList" | "agreement" | "training" | "campaign" | "county";
/** `record: null`: no record of ours behind the route (a second id, or a kind not built here): permission only. */
type Row = { record?: RecordKind | null; body?: unknown; query?: string; cells: string };

//   route                                                            province city county enterprise expert worker integration union
const POLICY: Record<string, Row> = {
  "POST /api/auth/login": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/auth/me": { cells: "YY YY YY YY YY YY NN YY" },
  "POST /api/auth/logout": { cells: "YY YY YY YY YY YY NN YY" },
  "POST /api/auth/password": { cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/auth/totp": { cells: "YY YY YY YY YY YY NN YY" },
  "POST /api/auth/totp/enrol": { cells: "YY YY YY YY YY YY NN YY" },
  "POST /api/auth/totp/confirm": { cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/health": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/regions/tree": { cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/regions/:code": { cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/audit/export": { cells: "YY YY NN NN NN NN NN NN" },
  "GET /api/audit": { cells: "YY YY NN NN NN NN NN NN" },
  "GET /api/inbox/todos": { cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/inbox/notifications": { cells: "YY YY YY YY YY YY NN YY" },
  "PATCH /api/inbox/notifications/read": { cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/inbox/summary": { cells: "YY YY YY YY YY YY NN YY" },
  // Attachments: the permission here; who sees which record's files is the owner's scope (flagship/attachments/attachments.test.ts).
  "POST /api/attachments": { record: null, cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/attachments": { record: null, cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/attachments/:id/content": { record: null, cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/attachments/:id/thumbnail": { record: null, cells: "YY YY YY YY YY YY NN YY" },
  "DELETE /api/attachments/:id": { record: null, cells: "YY YY YY YY YY YY NN YY" },
  "GET /api/my-tasks": { cells: "NN NN NN NN YY NN NN NN" },
  // Search and batch accept: the permission here; the scope of what they find or move in flagship/search/search.test.ts.
  "GET /api/flagship/search": { cells: "YY YY YY YY YY NN NN NN" },
  "POST /api/problems/batch-accept": { cells: "YY YY YY NN YY NN NN NN" },
  // Batch assign passes the permission for an expert (the body is checked first here); the expert is then refused in search.test.ts.
  "POST /api/problems/batch-assign": { cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/problems/batch-link": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/problems/export-selected": { cells: "YY YY YY YY YY NN NN NN" },
  "GET /api/outbox/pending": { cells: "NN NN NN NN NN NN YY NN" },
  "POST /api/outbox/:id/sent": { cells: "NN NN NN NN NN NN YY NN" },
  "POST /api/outbox/:id/failed": { cells: "NN NN NN NN NN NN YY NN" },
  "GET /api/enterprises/export": { cells: "YY YY YY YY NN NN NN NN" },
  "GET /api/enterprises": { cells: "YY YN YN YN NN NN NN NN" },
  // An expert opens the firms it serves (X serves firm A: its problem and session), never a list of firms.
  "GET /api/enterprises/:id": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/enterprises/:id/contact-phone": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/enterprises": { cells: "YY YY YY NN NN NN NN NN" },
  // 更正企业信息: staff of the firm's county (and above); its history is read by whoever opens the firm.
  "POST /api/enterprises/:id/correct": { body: { reason: "联系人录入有误", contactName: "矩阵更正联系人" }, cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/enterprises/:id/corrections": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/experts/export": { cells: "YY YY YY NN YY NN NN NN" },
  "GET /api/experts": { cells: "YY YY YY NN YN NN NN NN" },
  "GET /api/experts/:id": { cells: "YY YY YY NN YN NN NN NN" },
  "GET /api/experts/:id/phone": { cells: "YY YN YN NN NN NN NN NN" },
  "POST /api/experts": { cells: "YY YY YY NN NN NN NN NN" },
  "PUT /api/experts/:id": { cells: "YY YY YY NN NN NN NN NN" },
  "PATCH /api/experts/:id/availability": { cells: "YY YY YY NN NN NN NN NN" },
  "PATCH /api/experts/me/availability": { cells: "NN NN NN NN YY NN NN NN" },
  "GET /api/unions/export": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/unions": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/unions/coverage": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/unions/:id": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/unions": { cells: "YY YY YY NN NN NN NN YY" },
  "PATCH /api/unions/:id": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/people": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/people/:id": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/people/:id/resident-id": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/people/:id/phone": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/people": { cells: "YY YY YY NN NN NN NN YY" },
  "PUT /api/people/:id": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/people/:id/memberships": { cells: "YY YY YY NN NN NN NN YY" },
  "PATCH /api/memberships/:id": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/public/register": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/me": { cells: "NN NN NN NN NN YY NN NN" },
  "POST /api/me/memberships": { cells: "NN NN NN NN NN YY NN NN" },
  // 会员 and 普惠服务(9+X): the permission here; scoping of members, vouchers and figures:
  // programmes/inclusive/inclusive.test.ts and masterData/members/ledger.test.ts.
  "GET /api/me/membership": { cells: "NN NN NN NN NN YY NN NN" },
  "POST /api/me/membership/transfer": { record: null, cells: "NN NN NN NN NN YY NN NN" },
  "GET /api/members/:personId": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/members/:personId/transfer": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/members/ledger": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/benefit-items": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/benefit-items": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "PUT /api/benefit-items/:code": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/public/member-cards/:token": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/inclusive/figures": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/inclusive/vouchers/issue": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/inclusive/vouchers/daily": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/inclusive/vouchers/redeem": { record: null, cells: "NN NN NN NN NN NN NN YY" },
  "GET /api/inclusive/points": { cells: "NN NN NN NN NN NN NN YY" },
  "POST /api/inclusive/points": { record: null, cells: "NN NN NN NN NN NN NN YY" },
  "GET /api/me/vouchers": { cells: "NN NN NN NN NN YY NN NN" },
  "GET /api/service-sessions/export": { cells: "YY YY YY YY YY NN NN NN" },
  "GET /api/agreements/export": { cells: "YY YY YY YY YY NN NN NN" },
  "GET /api/trainings/export": { cells: "YY YY YY YY YY NN NN NN" },
  "GET /api/service-sessions": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/service-sessions/:id": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/service-sessions/:id/three-lists": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/service-sessions": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/service-sessions/:id/problems": { cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/service-sessions/:id/link-problems": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/agreements": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/agreements/:id": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/agreements": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/agreements/:id/check-ins": { body: {"date":"2025-06-01","note":"矩阵测试：回访一次"}, cells: "YY YN YN NN NN NN NN NN" },
  "POST /api/agreements/:id/milestones/:mid/done": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/agreements/:id/status": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/trainings": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/trainings/:id": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/trainings": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/problems/export": { cells: "YY YY YY YY YY NN NN NN" },
  "GET /api/demand-lists/export": { cells: "YY YY YY YY YY NN NN NN" },
  "POST /api/demand-lists": { cells: "YY YY YY YY NN NN NN NN" },
  "GET /api/demand-lists": { cells: "YY YN YN YN NN NN NN NN" },
  "GET /api/demand-lists/:id": { cells: "YY YN YN YN NN NN NN NN" },
  "GET /api/problems": { cells: "YY YN YN YN YN NN NN NN" },
  "GET /api/problems/overdue": { cells: "YY YY YY YY YY NN NN NN" },
  "GET /api/problems/:id": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/problems/:id/moves": { cells: "YY YY YY NN YY NN NN NN" },
  "PATCH /api/problems/:id": { cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/problems/:id/team": { cells: "YY YY YY NN YY NN NN NN" },
  "DELETE /api/problems/:id/team/:expertId": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/problems/:id/notes": { body: {"note":"矩阵测试：记录一条进展"}, cells: "YY YN YN NN YN NN NN NN" },
  "POST /api/problems/:id/urge": { cells: "YY YN YN NN NN NN NN NN" },
  "POST /api/problems/:id/rating": { cells: "NN NN NN YY NN NN NN NN" },
  // Corrections (issue 11). Correct/void without a body: 400 before the record is looked at, so the
  // second letter only says the role passes the permission. Withdrawing is the enterprise's alone
  // (staff are refused by the service); its in-scope problem is past acceptance, so 409 there.
  "POST /api/service-sessions/:id/correct": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/service-sessions/:id/void": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/service-sessions/:id/corrections": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/trainings/:id/correct": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/trainings/:id/void": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/trainings/:id/corrections": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/agreements/:id/correct": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/agreements/:id/void": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/agreements/:id/corrections": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/problems/:id/correct": { cells: "YY YY YY YY NN NN NN NN" },
  "POST /api/problems/:id/void": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/problems/:id/withdraw": { cells: "NN NN NN YN NN NN NN NN" },
  "GET /api/problems/:id/corrections": { cells: "YY YN YN YN YN NN NN NN" },
  "POST /api/demand-lists/:id/withdraw": { cells: "NN NN NN YN NN NN NN NN" },
  "POST /api/plans/compute": { cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/plans/accept": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/campaigns": { cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/campaigns/:id": { cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/campaigns/:id/regions": { cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/campaigns/:id/regions/export": { record: "campaign", cells: "YY YN YN NN NN NN NN NN" },
  "POST /api/campaigns": { cells: "YY YY NN NN NN NN NN NN" },
  "GET /api/indicators": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stats/summary": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stats/monthly": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stats/by-region": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stats/county/:code/enterprises": { query: "year=2025", cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/stats/county/:code/sessions": { query: "year=2025", cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/stats/by-region/export": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stats/county/:code/enterprises/export": { record: "county", query: "year=2025", cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/stats/county/:code/sessions/export": { record: "county", query: "year=2025", cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/outcomes": { cells: "YY YY YY YY YY NN NN NN" },
  "POST /api/outcomes": { cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/outcomes/:id/verify": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/problems/:id/suggestions": { cells: "YY YN YN NN NN NN NN NN" },
  "GET /api/me/items": { cells: "NN NN NN NN NN YY NN NN" },
  "GET /api/public/entries": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/regions": { cells: "YY YY YY YY YY YY YY YY" },
  // The tile base map's setting (layer URLs, datum): public, as the finder that draws it is.
  "GET /api/public/map-tiles": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/targets/indicators": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/targets/split": { cells: "YY YY YY NN NN NN NN NN" },
  "PUT /api/targets/split": { cells: "YY YY NN NN NN NN NN NN" },
  "POST /api/targets/approve": { cells: "YY NN NN NN NN NN NN NN" },
  "PUT /api/targets/publications": { cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/dashboard": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/dashboard/:key": { cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/public/dashboard": { cells: "YY YY YY YY YY YY YY YY" },
  // 户外劳动者服务站: the permission here (staff of province, city, county; the finder, check-in and reports public); scope in programmes/stations/stations.test.ts.
  "GET /api/public/stations/nearby": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/stations/:id": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/stations/:id/photos": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/stations/:id/photos/:photoId/:part": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "POST /api/public/stations/:id/check-ins": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "POST /api/public/stations/:id/reports": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/station-reports/:code": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/stations": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stations/export": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stations/stats": { record: null, query: "year=2026", cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stations/stats/export": { record: null, query: "year=2026", cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stations/:id": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stations/:id/manager-phone": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/stations/:id/qr.svg": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/stations": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "PUT /api/stations/:id": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/station-reports": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/station-reports/:id": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/station-reports/:id/answer": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  // 双提升: a worker applies and follows its own; staff and unions read and review at their step; province and city pay.
  // Scoping of the records themselves: programmes/upskilling/upskilling.test.ts.
  "GET /api/public/upskilling/scheme": { cells: "YY YY YY YY YY YY YY YY" },
  "POST /api/upskilling/applications": { record: null, cells: "NN NN NN NN NN YY NN NN" },
  "GET /api/upskilling/my/applications": { cells: "NN NN NN NN NN YY NN NN" },
  "PUT /api/upskilling/my/applications/:id/bank-card": { record: null, cells: "NN NN NN NN NN YY NN NN" },
  "GET /api/upskilling/applications": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/upskilling/applications/:id": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/upskilling/applications/review": { record: null, cells: "NN YY YY NN NN NN NN YY" },
  "GET /api/upskilling/stats": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/upskilling/payment-batches": { cells: "YY YY NN NN NN NN NN NN" },
  "POST /api/upskilling/payment-batches": { record: null, cells: "YY YY NN NN NN NN NN NN" },
  "GET /api/upskilling/payment-batches/:id/bank-file": { record: null, cells: "YY YY NN NN NN NN NN NN" },
  "POST /api/upskilling/payment-batches/:id/results": { record: null, cells: "YY YY NN NN NN NN NN NN" },
  // 职工疗休养: the permission here (read: staff and unions; manage: the province; apply: workers; enter: unions and the
  // province; stay: staff and unions; the lottery check public); scope of applications and quotas: programmes/recuperation/recuperation.test.ts.
  "GET /api/recuperation/bases": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/recuperation/bases": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "PUT /api/recuperation/bases/:id": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/recuperation/routes": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/recuperation/routes": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "PUT /api/recuperation/routes/:id": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/recuperation/sessions": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/recuperation/sessions": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "PUT /api/recuperation/sessions/:id": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/recuperation/groups": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/recuperation/quotas": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  // Quotas: every level splits its own places (recuperation.quota); who sets which union, scope and refusals: programmes/recuperation/catalogue/quotas.test.ts.
  "POST /api/recuperation/quotas": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/recuperation/rounds": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/recuperation/rounds": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/recuperation/rounds/:id": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/recuperation/rounds/:id/commit": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "POST /api/recuperation/rounds/:id/run": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "POST /api/recuperation/rounds/:id/publish": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/recuperation/rounds/:id/report": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/recuperation/rounds/:id/applications": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/recuperation/applications": { record: null, cells: "YY NN NN NN NN NN NN YY" },
  "POST /api/recuperation/offers/:id/stay": { record: null, cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/recuperation/me": { record: null, cells: "NN NN NN NN NN YY NN NN" },
  "POST /api/recuperation/me/applications": { record: null, cells: "NN NN NN NN NN YY NN NN" },
  "POST /api/recuperation/me/offers/:id": { record: null, cells: "NN NN NN NN NN YY NN NN" },
  "GET /api/public/recuperation/rounds": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/recuperation/rounds/:id/applicants/:applicationId": { record: null, cells: "YY YY YY YY YY YY YY YY" },
  // 职业技能竞赛: the permission here (competition.* grants); who sees which registration, mark and result, and the
  // panel duties every judging route checks: programmes/competitions/competitions.test.ts.
  "GET /api/competitions": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "GET /api/competitions/:id": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/competitions": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/competitions/:id/events": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/competition-events/judging": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "GET /api/competition-events/:id": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "PUT /api/competition-events/:id": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/competition-events/:id/draw": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/competition-events/:id/open-judging": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/competition-events/:id/registrations": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/competition-events/:id/registrations": { record: null, cells: "YY YY YY NN NN YY NN YY" },
  "GET /api/competition-events/:id/registrations/export": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/competition-registrations/:id/withdraw": { record: null, cells: "YY YY YY NN NN YY NN YY" },
  "GET /api/competition-events/:id/panel": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/competition-events/:id/panel": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/competition-events/:id/panel/candidates": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "POST /api/competition-events/:id/allocations": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/competition-events/:id/conflicts": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "GET /api/competition-events/:id/marks": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "GET /api/competition-events/:id/my-marks": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "PUT /api/competition-marks/:id": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "GET /api/competition-events/:id/verification": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/competition-marks/:id/verify": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "GET /api/competition-events/:id/results": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/competition-events/:id/results/verify": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/competition-events/:id/results/sign": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/competition-events/:id/results/publish": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "POST /api/competition-events/:id/results/finalise": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "GET /api/competition-events/:id/results/export": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "GET /api/competition-events/:id/marks/export": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "GET /api/competition-events/:id/appeals": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/competition-events/:id/appeals": { record: null, cells: "YY YY YY NN NN YY NN YY" },
  "POST /api/competition-appeals/:id/decision": { record: null, cells: "YY YY YY NN YY NN NN NN" },
  "GET /api/gold-blue-collars": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "POST /api/gold-blue-collars/:id/decision": { record: null, cells: "YY NN NN NN NN NN NN NN" },
  "GET /api/gold-blue-collars/:id/certificate.pdf": { record: null, cells: "YY YY YY NN YY YY NN YY" },
  "GET /api/competitions/stats": { record: null, cells: "YY YY YY NN NN NN NN NN" },
  "GET /api/public/competition-results": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/public/certificates/:no": { cells: "YY YY YY YY YY YY YY YY" },
  "GET /api/imports/:kind/template": { cells: "YY YY YY NN NN NN NN YY" },
  "POST /api/imports/:kind": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/imports/jobs/:id": { cells: "YY YY YY NN NN NN NN YY" },
  "GET /api/imports/jobs/:id/errors": { cells: "YY YY YY NN NN NN NN YY" },
};

const usernameOf = (actor: Actor) => (actor === "expert" ? "matrix-expert-a" : `matrix-${actor}`);
const world = {} as Record<"A" | "B", Record<RecordKind, string>>;
const agents = {} as Record<Actor, Agent>;
const printing = process.env.JIANGXIN_MATRIX_PRINT === "1";

describe("actor × route matrix", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp("pglite");
    const { db } = t.ctx.database;
    const { cipher } = t.ctx;
    for (const [key, county] of [["A", "330127"], ["B", "330723"]] as const) {
      const firm = await makeEnterprise(db, cipher, { countyCode: county, name: key === "A" ? "淳安甲精工机械有限公司" : "武义乙五金工具有限公司" });
      const expertUser = await makeUser(db, "expert", { username: `matrix-expert-${key}`, regionCode: null });
      const expert = await makeExpert(db, cipher, { homeCountyCode: county, userId: expertUser.id });
      const session = await makeServiceSession(db, { countyCode: county, enterpriseIds: [firm.id], expertIds: [expert.id] });
      const list = await makeDemandList(db, {
        enterpriseId: firm.id,
        countyCode: county,
        source: "enterprise",
        submittedBy: null,
        submittedAt: new Date("2025-03-01T02:00:00Z"),
        note: null,
        problems: [{ status: "onSite", ownerExpertId: expert.id, sessionId: session.id }],
        trainingNeeds: [],
      });
      const agreement = await makeAgreement(db, { enterpriseId: firm.id, countyCode: county, expertIds: [expert.id], sessionId: session.id });
      const training = await makeTraining(db, { countyCode: county, enterpriseId: firm.id, trainerExpertIds: [expert.id], sessionId: session.id });
      world[key] = {
        enterprise: firm.id,
        expert: expert.id,
        session: session.id,
        problem: list.problems[0]?.id ?? "",
        demandList: list.list.id,
        agreement: agreement.id,
        training: training.id,
        campaign: "",
        county,
      };
    }
    const firmA = world.A.enterprise;
    await makeUser(db, "province", { username: "matrix-province" });
    await makeUser(db, "city", { username: "matrix-city", regionCode: "330100" });
    await makeUser(db, "city", { username: "matrix-jinhua", regionCode: "330700" });
    await makeUser(db, "county", { username: "matrix-county", regionCode: "330127" });
    await makeUser(db, "enterprise", { username: "matrix-enterprise", regionCode: null, enterpriseId: firmA });
    await makeUser(db, "worker", { username: "matrix-worker", regionCode: null });
    await makeUser(db, "integration", { username: "matrix-integration", regionCode: null });
    await makeUser(db, "union", { username: "matrix-union", regionCode: null });
    for (const actor of actors) agents[actor] = await loginAs(t, usernameOf(actor));
    const jinhua = await loginAs(t, "matrix-jinhua");
    const campaign = async (agent: Agent, county: string) => {
      const res = await agent.post("/api/campaigns", { name: `矩阵测试专项行动${county}`, year: 2025, regionCodes: [county], targets: { sessions: 2 } });
      if (res.statusCode !== 201) throw new Error(`campaign: ${res.statusCode} ${res.body}`);
      return res.json<{ id: string }>().id;
    };
    world.A.campaign = await campaign(agents.city, "330127");
    world.B.campaign = await campaign(jinhua, "330723");
  });
  afterAll(() => t.close());

  const apiRoutes = () => t.routes.filter((r) => r.url.startsWith("/api/") && r.method !== "HEAD").map((r) => `${r.method} ${r.url}`);

  it("has a row for every API route and every role", () => {
    expect(actors.toSorted()).toEqual([...roles].sort());
    const missing = apiRoutes().filter((key) => !POLICY[key]);
    if (!printing) expect(missing, "routes without a row in POLICY").toEqual([]);
    const stale = Object.keys(POLICY).filter((key) => !apiRoutes().includes(key));
    expect(stale, "rows for routes that no longer exist").toEqual([]);
    for (const [key, row] of Object.entries(POLICY)) expect(row.cells.split(" "), key).toHaveLength(actors.length);
  });

  it("answers every cell as the table says", async () => {
    const observed: string[] = [];
    const wrong: string[] = [];
    for (const key of apiRoutes()) {
      const [method = "GET", url = ""] = key.split(" ");
      const row = POLICY[key];
      const kind = row && "record" in row ? (row.record ?? undefined) : recordKindOf(url);
      const cells: string[] = [];
      for (const actor of actors) {
        let cell = "";
        for (const side of ["A", "B"] as const) {
          // Logging out ends the session: that cell gets a session of its own.
          const agent = key === "POST /api/auth/logout" ? await loginAs(t, usernameOf(actor)) : agents[actor];
          cell += (await attempt(t, agent, method, url, kind, side, row)) ? "Y" : "N";
        }
        cells.push(cell);
      }
      const options = [row && "record" in row ? `record: ${JSON.stringify(row.record)}` : "", row?.query ? `query: ${JSON.stringify(row.query)}` : "", row?.body ? `body: ${JSON.stringify(row.body)}` : ""].filter(Boolean);
      observed.push(`  ${JSON.stringify(key)}: { ${options.map((o) => `${o}, `).join("")}cells: "${cells.join(" ")}" },`);
      if (row && row.cells !== cells.join(" ")) {
        const diff = actors.flatMap((a, i) => (row.cells.split(" ")[i] === cells[i] ? [] : [`${a} expected ${row.cells.split(" ")[i]} got ${cells[i]}`]));
        wrong.push(`${key}: ${diff.join(", ")}`);
      }
    }
    if (printing) console.log(observed.join("\n"));
    expect(wrong).toEqual([]);
  }, 300_000);
});

/** The record kind a route's first id names, from its URL; routes on kinds not built here have none. */
function recordKindOf(url: string): RecordKind | undefined {
  const table: [RegExp, RecordKind][] = [
    [/^\/api\/enterprises(\/|$)/, "enterprise"],
    [/^\/api\/experts\/:id/, "expert"],
    [/^\/api\/experts$/, "expert"],
    [/^\/api\/service-sessions(\/:id|$)/, "session"],
    [/^\/api\/problems(\/:id|$)/, "problem"],
    [/^\/api\/demand-lists(\/:id|$)/, "demandList"],
    [/^\/api\/agreements(\/:id|$)/, "agreement"],
    [/^\/api\/trainings(\/:id|$)/, "training"],
    [/^\/api\/campaigns(\/:id|$)/, "campaign"],
    [/^\/api\/stats\/county\/:code/, "county"],
  ];
  if (url.endsWith("/export")) return undefined;
  return table.find(([pattern]) => pattern.test(url))?.[1];
}

/** A request turned away by load shedding (503 SERVICE_UNAVAILABLE on a busy machine) is asked again, as a client would. */
async function unlessShed(send: () => Promise<LightMyRequestResponse>): Promise<LightMyRequestResponse> {
  for (let i = 0; ; i++) {
    const res = await send();
    if (res.statusCode !== 503 || i >= 10) return res;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** A crash, a lost session or a rate limit says nothing about access: the matrix stops instead of guessing. */
function unexpected(method: string, path: string, status: number, body: string): void {
  if (status >= 500 || status === 401 || status === 429) throw new Error(`${method} ${path}: ${status} ${body.slice(0, 200)}`);
}

let addressSerial = 0;

/** One cell half: does `agent` get the record of world `side` through this route? */
async function attempt(t: TestApp, agent: Agent, method: string, url: string, kind: RecordKind | undefined, side: "A" | "B", row: Row | undefined): Promise<boolean> {
  const body = row?.body;
  const id = kind ? world[side][kind] : undefined;
  // One address per cell half, so the per-address limits on public routes see separate clients.
  const address = `10.${1 + actors.indexOf(agent.info.user.role)}.${side === "A" ? 1 : 2}.${1 + (addressSerial++ % 250)}`;
  const hasParam = url.includes(":");
  // Every path parameter gets the record's id; a second one (a milestone, a team member) a random uuid.
  let first = true;
  const path = url.replace(/:(\w+)/g, () => {
    const value = first && id ? id : "00000000-0000-4000-8000-000000000000";
    first = false;
    return value;
  });
  if (method === "GET") {
    const res = await unlessShed(() =>
      t.app.inject({ method: "GET", url: `${path}?${hasParam ? "" : "pageSize=200&"}${row?.query ?? ""}`, remoteAddress: address, headers: { cookie: `${sessionCookie}=${agent.cookie}` } }),
    );
    unexpected(method, path, res.statusCode, res.body);
    if (!kind) return res.statusCode !== 401 && res.statusCode !== 403;
    if (hasParam) return res.statusCode === 200;
    return res.statusCode === 200 && id !== undefined && res.body.includes(id);
  }
  const res = await unlessShed(() =>
    t.app.inject({
      method: method as "POST",
      url: path,
      remoteAddress: address,
      headers: { cookie: `${sessionCookie}=${agent.cookie}`, [csrfHeader]: agent.info.csrfToken, "content-type": "application/json" },
      payload: JSON.stringify(body ?? {}),
    }),
  );
  unexpected(method, path, res.statusCode, res.body);
  if (!kind || !hasParam) return res.statusCode !== 401 && res.statusCode !== 403;
  return res.statusCode !== 401 && res.statusCode !== 403 && res.statusCode !== 404;
}
