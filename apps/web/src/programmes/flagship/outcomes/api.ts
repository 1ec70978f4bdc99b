import { outcomeListSchema, outcomeSchema, type Outcome, type OutcomeInput, type OutcomeVerifyInput } from "@jiangxin/domain";
import { request } from "../../../app/request";

export interface OutcomeSubject {
  problemId?: string;
  agreementId?: string;
}

/** The outcomes of one problem or one agreement, newest first (the server checks the subject is visible). */
export function listOutcomes(subject: OutcomeSubject, signal?: AbortSignal): Promise<Outcome[]> {
  return request("/api/outcomes", { query: { ...subject }, schema: outcomeListSchema, signal });
}

export function recordOutcome(input: OutcomeInput): Promise<Outcome> {
  return request("/api/outcomes", { method: "POST", body: input, schema: outcomeSchema });
}

export function verifyOutcome(id: string, input: OutcomeVerifyInput): Promise<Outcome> {
  return request(`/api/outcomes/${encodeURIComponent(id)}/verify`, { method: "POST", body: input, schema: outcomeSchema });
}
