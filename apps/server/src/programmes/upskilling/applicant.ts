import type { PersonCategory } from "@jiangxin/domain";
import type { Db } from "../../platform/db/database";
import { personFacts } from "../../masterData/people";

/** The applicant as the eligibility rules read it: who, where, which categories, and whose member. */
export type Applicant = {
  personId: string;
  name: string;
  residentIdMasked: string;
  countyCode: string;
  categories: PersonCategory[];
  /** An active membership's union (a pending request does not count: the union has not confirmed it). */
  memberOf: string | null;
};

/**
 * Reads the applicant from master data. Membership is people's current union period (`active`);
 * masterData/members' isMember/membershipOf replace it once that module lands (docs/upskilling.md).
 */
export async function applicantOf(db: Db, personId: string): Promise<Applicant | null> {
  const facts = await personFacts(db, personId);
  if (!facts) return null;
  return {
    personId: facts.id,
    name: facts.name,
    residentIdMasked: facts.residentIdMasked,
    countyCode: facts.countyCode,
    categories: facts.categories,
    memberOf: facts.membership?.status === "active" ? facts.membership.unionId : null,
  };
}
