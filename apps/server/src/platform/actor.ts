import type { Role } from "@jiangxin/domain";

/**
 * What a request may reach. Staff are scoped to the county-level units under their region; an
 * enterprise account to its own enterprise; a grassroots-union account to its union's subtree;
 * experts and workers to nothing regional (their own records are reached through their user id).
 */
export type Scope =
  | { kind: "all" }
  | { kind: "counties"; codes: readonly string[] }
  | { kind: "enterprise"; enterpriseId: string; countyCode: string }
  /**
   * A grassroots-union account: its union and every union below it (ids resolved when the actor is
   * built). Nothing regional: tables reach it only through a union column (see scopeCondition).
   */
  | { kind: "union"; unionId: string; unionIds: readonly string[]; countyCode: string }
  | { kind: "self" };

export type Actor = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  regionCode: string | null;
  enterpriseId: string | null;
  /** The expert profile linked to this login, for the expert role. */
  expertId: string | null;
  mustChangePassword: boolean;
  ip: string;
  scope: Scope;
  session: { tokenHash: string; csrfToken: string; lastSeenAt: Date; absoluteExpiresAt: Date };
};
