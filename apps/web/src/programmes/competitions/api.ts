import type {
  Appeal,
  CertificateCheck,
  Competition,
  CompetitionEvent,
  CompetitionInput,
  CompetitionSummary,
  ConflictEntry,
  EventInput,
  EventResults,
  GoldBlueCollar,
  MarkSlot,
  PanelDuty,
  PanelMember,
  Registration,
} from "@jiangxin/domain";
import { request, type Parser } from "../../app/request";

/**
 * The competitions API. Its answers are typed by the domain's record types; the server builds them
 * from its own tables (no response schema to parse them with), so they are taken as given.
 */
const as = <T,>(): Parser<T> => ({ parse: (d) => d as T });

export type EventView = { event: CompetitionEvent; competitionId: string; competitionName: string; organiser: boolean; duties: PanelDuty[] };
export type MySlot = MarkSlot & { others: { judgeName: string; mark: number | null }[] | null };
export type PublicEventResults = {
  competitionName: string;
  eventName: string;
  tradeName: string;
  year: number;
  finalAt: string;
  rows: { place: number; name: string; employerName: string | null; total: number; prize: string | null }[];
};
type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

const e = encodeURIComponent;

export const competitionsApi = {
  list: (query: Record<string, string | number | undefined>, signal?: AbortSignal) => request("/api/competitions", { query, schema: as<Page<CompetitionSummary>>(), signal }),
  get: (id: string) => request(`/api/competitions/${e(id)}`, { schema: as<Competition>() }),
  create: (body: CompetitionInput) => request("/api/competitions", { method: "POST", body, schema: as<Competition>() }),
  createEvent: (competitionId: string, body: EventInput) => request(`/api/competitions/${e(competitionId)}/events`, { method: "POST", body, schema: as<CompetitionEvent>() }),
  event: (id: string) => request(`/api/competition-events/${e(id)}`, { schema: as<EventView>() }),
  judging: () => request("/api/competition-events/judging", { schema: as<(EventView & { startsOn: string })[]>() }),
  draw: (id: string) => request(`/api/competition-events/${e(id)}/draw`, { method: "POST", schema: as<unknown>() }),
  openJudging: (id: string) => request(`/api/competition-events/${e(id)}/open-judging`, { method: "POST", schema: as<unknown>() }),
  registrations: (id: string) => request(`/api/competition-events/${e(id)}/registrations`, { schema: as<Registration[]>() }),
  register: (id: string, personId?: string) => request(`/api/competition-events/${e(id)}/registrations`, { method: "POST", body: personId ? { personId } : {}, schema: as<Registration>() }),
  panel: (id: string) => request(`/api/competition-events/${e(id)}/panel`, { schema: as<PanelMember[]>() }),
  conflicts: (id: string) => request(`/api/competition-events/${e(id)}/conflicts`, { schema: as<ConflictEntry[]>() }),
  mySlots: (id: string) => request(`/api/competition-events/${e(id)}/my-marks`, { schema: as<MySlot[]>() }),
  enterMark: (allocationId: string, mark: number, reason?: string) =>
    request(`/api/competition-marks/${e(allocationId)}`, { method: "PUT", body: reason ? { mark, reason } : { mark }, schema: as<MarkSlot>() }),
  verificationQueue: (id: string) => request(`/api/competition-events/${e(id)}/verification`, { schema: as<MarkSlot[]>() }),
  verify: (allocationId: string, decision: "confirm" | "reject", note?: string) =>
    request(`/api/competition-marks/${e(allocationId)}/verify`, { method: "POST", body: note ? { decision, note } : { decision }, schema: as<MarkSlot>() }),
  results: (id: string) => request(`/api/competition-events/${e(id)}/results`, { schema: as<EventResults>() }),
  move: (id: string, step: "verify" | "sign" | "publish" | "finalise") => request(`/api/competition-events/${e(id)}/results/${step}`, { method: "POST", schema: as<EventResults>() }),
  appeals: (id: string) => request(`/api/competition-events/${e(id)}/appeals`, { schema: as<Appeal[]>() }),
  lodgeAppeal: (id: string, registrationId: string, text: string) => request(`/api/competition-events/${e(id)}/appeals`, { method: "POST", body: { registrationId, text }, schema: as<Appeal>() }),
  decideAppeal: (appealId: string, body: { decision: "upheld" | "dismissed"; note: string; corrections: { allocationId: string; mark: number }[] }) =>
    request(`/api/competition-appeals/${e(appealId)}/decision`, { method: "POST", body, schema: as<Appeal>() }),
  goldBlueCollars: (query: Record<string, string | number | undefined>) => request("/api/gold-blue-collars", { query, schema: as<GoldBlueCollar[]>() }),
  decideGoldBlueCollar: (id: string, decision: "approve" | "decline") => request(`/api/gold-blue-collars/${e(id)}/decision`, { method: "POST", body: { decision }, schema: as<GoldBlueCollar>() }),
  publicResults: (year: number) => request("/api/public/competition-results", { query: { year }, schema: as<PublicEventResults[]>() }),
  checkCertificate: (no: string, k: string) => request(`/api/public/certificates/${e(no)}`, { query: { k }, schema: as<CertificateCheck>() }),
};

export const competitionKeys = {
  all: ["competitions"] as const,
  event: (id: string) => ["competitions", "event", id] as const,
};

export const allMarks = (eventId: string, registrationId?: string) =>
  request(`/api/competition-events/${encodeURIComponent(eventId)}/marks`, { query: { registrationId }, schema: as<MarkSlot[]>() });
