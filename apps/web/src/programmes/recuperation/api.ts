import type {
  RecuperationApplicationRow,
  RecuperationBase,
  RecuperationBaseInput,
  RecuperationRouteInput,
  RecuperationSessionInput,
  RecuperationFairnessReport,
  RecuperationGroup,
  RecuperationMyApplication,
  RecuperationPublicEntry,
  RecuperationPublicRound,
  RecuperationQuotaView,
  RecuperationRound,
  RecuperationRoute,
  RecuperationSession,
} from "@jiangxin/domain";
import { request, type Parser } from "../../app/request";

// The server's answers are typed in the domain package (recuperation.ts); they are taken as they come.
const as = <T,>(): Parser<T> => ({ parse: (d) => d as T });
const id = as<{ id: string }>();

export const recuperationKeys = { all: ["recuperation"] as const, me: ["recuperation", "me"] as const, rounds: ["recuperation", "rounds"] as const };

export type MyRecuperation = { rounds: RecuperationRound[]; sessions: RecuperationSession[]; applications: RecuperationMyApplication[] };
export const fetchMine = (signal?: AbortSignal) => request("/api/recuperation/me", { schema: as<MyRecuperation>(), signal });
export const applySelf = (roundId: string, choices: string[]) => request("/api/recuperation/me/applications", { method: "POST", body: { roundId, choices }, schema: id });
export const answerOffer = (offerId: string, answer: "accept" | "decline") =>
  request(`/api/recuperation/me/offers/${offerId}`, { method: "POST", body: { answer }, schema: as<{ ok: boolean }>() });

export const fetchBases = (signal?: AbortSignal) => request("/api/recuperation/bases", { schema: as<RecuperationBase[]>(), signal });
export const fetchRoutes = (signal?: AbortSignal) => request("/api/recuperation/routes", { schema: as<RecuperationRoute[]>(), signal });
export const fetchSessions = (year: number | undefined, signal?: AbortSignal) => request("/api/recuperation/sessions", { query: { year }, schema: as<RecuperationSession[]>(), signal });
/** Creates (no id) or replaces (id) a catalogue record; the province only. */
const save = (path: string, id: string | undefined, body: unknown) =>
  request(id ? `${path}/${id}` : path, { method: id ? "PUT" : "POST", body, schema: as<{ id?: string; ok?: boolean }>() });
export const saveBase = (id: string | undefined, body: RecuperationBaseInput) => save("/api/recuperation/bases", id, body);
export const saveRoute = (id: string | undefined, body: RecuperationRouteInput) => save("/api/recuperation/routes", id, body);
export const saveSession = (id: string | undefined, body: RecuperationSessionInput) => save("/api/recuperation/sessions", id, body);
export const fetchGroups = (signal?: AbortSignal) => request("/api/recuperation/groups", { schema: as<RecuperationGroup[]>(), signal });
/** One union's places and its children's (the reader's own union when `unionId` is absent). */
export const fetchQuotas = (query: { year: number; unionId?: string; q?: string; page: number }, signal?: AbortSignal) =>
  request("/api/recuperation/quotas", { query: { ...query, q: query.q || undefined, pageSize: 20 }, schema: as<RecuperationQuotaView>(), signal });
export const setQuota = (year: number, unionId: string, quota: number) =>
  request("/api/recuperation/quotas", { method: "POST", body: { year, quotas: [{ unionId, quota }] }, schema: as<{ ok: boolean }>() });

export const fetchRounds = (signal?: AbortSignal) => request("/api/recuperation/rounds", { schema: as<RecuperationRound[]>(), signal });
export const fetchRound = (roundId: string, signal?: AbortSignal) => request(`/api/recuperation/rounds/${roundId}`, { schema: as<RecuperationRound>(), signal });
export const createRound = (body: { year: number; name: string; noRepeatYears: number; offerHours: number }) =>
  request("/api/recuperation/rounds", { method: "POST", body, schema: as<RecuperationRound>() });
export const roundAction = (roundId: string, action: "commit" | "run" | "publish", body?: unknown) =>
  request(`/api/recuperation/rounds/${roundId}/${action}`, { method: "POST", body: body ?? (action === "commit" ? {} : undefined), schema: as<RecuperationRound>() });
export const fetchReport = (roundId: string, signal?: AbortSignal) => request(`/api/recuperation/rounds/${roundId}/report`, { schema: as<RecuperationFairnessReport>(), signal });
export const fetchApplications = (roundId: string, page: number, signal?: AbortSignal) =>
  request(`/api/recuperation/rounds/${roundId}/applications`, { query: { page, pageSize: 20 }, schema: as<{ items: RecuperationApplicationRow[]; total: number }>(), signal });
export const enterApplication = (body: { roundId: string; personId: string; choices: string[]; lastYear: number | null }) =>
  request("/api/recuperation/applications", { method: "POST", body, schema: id });

export const fetchPublicRounds = (signal?: AbortSignal) => request("/api/public/recuperation/rounds", { schema: as<RecuperationPublicRound[]>(), signal });
export const fetchPublicEntry = (roundId: string, applicationId: string) =>
  request(`/api/public/recuperation/rounds/${roundId}/applicants/${applicationId}`, { schema: as<RecuperationPublicEntry>() });
