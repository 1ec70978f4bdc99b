import {
  allocationAnswerSchema,
  appealSchema,
  certificateCheckSchema,
  competitionEventSchema,
  competitionSchema,
  competitionSummarySchema,
  conflictEntrySchema,
  drawAnswerSchema,
  eventResultsSchema,
  eventViewSchema,
  goldBlueCollarSchema,
  judgingEventSchema,
  markSlotSchema,
  mySlotSchema,
  openJudgingAnswerSchema,
  pageOf,
  panelCandidateSchema,
  panelMemberSchema,
  publicEventResultsSchema,
  registrationSchema,
  type CompetitionInput,
  type EventInput,
  type EventView,
  type MySlot,
  type PanelMemberInput,
  type PublicEventResults,
} from "@jiangxin/domain";
import { request, type Parser } from "../../app/request";

/** A list of items each parsed by `item` (the web app has no zod of its own to build z.array with). */
const list = <T,>(item: Parser<T>): Parser<T[]> => ({
  parse: (d) => {
    if (!Array.isArray(d)) throw new Error("应答格式不正确：应为列表");
    return d.map((x) => item.parse(x));
  },
});

/** The competitions API. Answers are parsed with the same zod schemas the server's routes declare as their responses. */


const e = encodeURIComponent;

export const competitionsApi = {
  list: (query: Record<string, string | number | undefined>, signal?: AbortSignal) => request("/api/competitions", { query, schema: pageOf(competitionSummarySchema), signal }),
  get: (id: string) => request(`/api/competitions/${e(id)}`, { schema: competitionSchema }),
  create: (body: CompetitionInput) => request("/api/competitions", { method: "POST", body, schema: competitionSchema }),
  createEvent: (competitionId: string, body: EventInput) => request(`/api/competitions/${e(competitionId)}/events`, { method: "POST", body, schema: competitionEventSchema }),
  event: (id: string) => request(`/api/competition-events/${e(id)}`, { schema: eventViewSchema }),
  judging: () => request("/api/competition-events/judging", { schema: list(judgingEventSchema) }),
  draw: (id: string) => request(`/api/competition-events/${e(id)}/draw`, { method: "POST", schema: drawAnswerSchema }),
  openJudging: (id: string) => request(`/api/competition-events/${e(id)}/open-judging`, { method: "POST", schema: openJudgingAnswerSchema }),
  registrations: (id: string) => request(`/api/competition-events/${e(id)}/registrations`, { schema: list(registrationSchema) }),
  register: (id: string, personId?: string) => request(`/api/competition-events/${e(id)}/registrations`, { method: "POST", body: personId ? { personId } : {}, schema: registrationSchema }),
  withdraw: (registrationId: string) => request(`/api/competition-registrations/${e(registrationId)}/withdraw`, { method: "POST", schema: registrationSchema }),
  panel: (id: string) => request(`/api/competition-events/${e(id)}/panel`, { schema: list(panelMemberSchema) }),
  panelCandidates: (id: string, q: string, signal?: AbortSignal) => request(`/api/competition-events/${e(id)}/panel/candidates`, { query: { q: q || undefined }, schema: list(panelCandidateSchema), signal }),
  addPanelMember: (id: string, body: PanelMemberInput) => request(`/api/competition-events/${e(id)}/panel`, { method: "POST", body, schema: list(panelMemberSchema) }),
  allocate: (id: string, body: { judgeUserId: string; registrationIds: string[]; aspectKeys: string[] }) =>
    request(`/api/competition-events/${e(id)}/allocations`, { method: "POST", body, schema: allocationAnswerSchema }),
  conflicts: (id: string) => request(`/api/competition-events/${e(id)}/conflicts`, { schema: list(conflictEntrySchema) }),
  mySlots: (id: string) => request(`/api/competition-events/${e(id)}/my-marks`, { schema: list(mySlotSchema) }),
  enterMark: (allocationId: string, mark: number, reason?: string) =>
    request(`/api/competition-marks/${e(allocationId)}`, { method: "PUT", body: reason ? { mark, reason } : { mark }, schema: markSlotSchema }),
  verificationQueue: (id: string) => request(`/api/competition-events/${e(id)}/verification`, { schema: list(markSlotSchema) }),
  verify: (allocationId: string, decision: "confirm" | "reject", note?: string) =>
    request(`/api/competition-marks/${e(allocationId)}/verify`, { method: "POST", body: note ? { decision, note } : { decision }, schema: markSlotSchema }),
  results: (id: string) => request(`/api/competition-events/${e(id)}/results`, { schema: eventResultsSchema }),
  move: (id: string, step: "verify" | "sign" | "publish" | "finalise") => request(`/api/competition-events/${e(id)}/results/${step}`, { method: "POST", schema: eventResultsSchema }),
  appeals: (id: string) => request(`/api/competition-events/${e(id)}/appeals`, { schema: list(appealSchema) }),
  lodgeAppeal: (id: string, registrationId: string, text: string) => request(`/api/competition-events/${e(id)}/appeals`, { method: "POST", body: { registrationId, text }, schema: appealSchema }),
  decideAppeal: (appealId: string, body: { decision: "upheld" | "dismissed"; note: string; corrections: { allocationId: string; mark: number }[] }) =>
    request(`/api/competition-appeals/${e(appealId)}/decision`, { method: "POST", body, schema: appealSchema }),
  goldBlueCollars: (query: Record<string, string | number | undefined>) => request("/api/gold-blue-collars", { query, schema: list(goldBlueCollarSchema) }),
  decideGoldBlueCollar: (id: string, decision: "approve" | "decline") => request(`/api/gold-blue-collars/${e(id)}/decision`, { method: "POST", body: { decision }, schema: goldBlueCollarSchema }),
  publicResults: (year: number) => request("/api/public/competition-results", { query: { year }, schema: list(publicEventResultsSchema) }),
  checkCertificate: (no: string, k: string) => request(`/api/public/certificates/${e(no)}`, { query: { k }, schema: certificateCheckSchema }),
};

export const competitionKeys = {
  all: ["competitions"] as const,
  event: (id: string) => ["competitions", "event", id] as const,
};

export const allMarks = (eventId: string, registrationId?: string) =>
  request(`/api/competition-events/${encodeURIComponent(eventId)}/marks`, { query: { registrationId }, schema: list(markSlotSchema) });

export type { EventView, MySlot, PublicEventResults };
