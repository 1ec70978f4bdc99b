import { correctionListSchema, type CorrectionEntry } from "@jiangxin/domain";
import { request, type Parser } from "../../../app/request";

/**
 * A correctable record's API, by its path (/api/service-sessions/:id, /api/trainings/:id …): every
 * kind answers the same three calls, so the dialogs and the history are shared.
 */
export function listCorrections(recordPath: string, signal?: AbortSignal): Promise<CorrectionEntry[]> {
  return request(`${recordPath}/corrections`, { schema: correctionListSchema, signal });
}

export function correctRecord<T>(recordPath: string, body: Record<string, unknown>, schema: Parser<T>): Promise<T> {
  return request(`${recordPath}/correct`, { method: "POST", body, schema });
}

export function voidRecord<T>(recordPath: string, reason: string, schema: Parser<T>): Promise<T> {
  return request(`${recordPath}/void`, { method: "POST", body: { reason }, schema });
}

export const correctionQueryKeys = {
  history: (recordPath: string) => ["corrections", recordPath] as const,
};
