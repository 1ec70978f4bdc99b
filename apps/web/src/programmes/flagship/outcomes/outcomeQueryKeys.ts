import type { OutcomeSubject } from "./api";

/** One prefix for every outcome query, so recording or verifying one refreshes every list showing it. */
export const outcomeQueryKeys = {
  all: ["outcomes"] as const,
  list: (subject: OutcomeSubject) => ["outcomes", "list", subject.problemId ?? null, subject.agreementId ?? null] as const,
};
