import { sql, type SQL } from "drizzle-orm";
import { sessionEnterprises, sessionExperts } from "../serviceSessions/tables";
import { problemTeamMembers, problems } from "./tables";

/**
 * The firms an expert serves in the flagship, as a subquery of enterprise ids: those of the problems it
 * owns or helps with (协助专家), and those its service sessions visit. Any status: an expert who solved a
 * problem still follows up on it (回访) and needs the address and contact.
 */
export function flagshipExpertEnterprisesSql(expertId: string): SQL {
  return sql`select ${problems.enterpriseId} from ${problems} where ${problems.ownerExpertId} = ${expertId}
    union select p2.enterprise_id from ${problemTeamMembers} join ${problems} p2 on p2.id = ${problemTeamMembers.problemId} where ${problemTeamMembers.expertId} = ${expertId}
    union select ${sessionEnterprises.enterpriseId} from ${sessionEnterprises} join ${sessionExperts} on ${sessionExperts.sessionId} = ${sessionEnterprises.sessionId} where ${sessionExperts.expertId} = ${expertId}`;
}
