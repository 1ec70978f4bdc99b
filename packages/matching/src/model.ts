/** An open problem that needs a team of experts (one enterprise's technical problem). */
export interface Problem {
  readonly id: string;
  /** County-level region code of the enterprise, for travel distance. */
  readonly county: string;
  /** The enterprise, for continuity (experts who helped it before are preferred). */
  readonly enterprise: string;
  readonly trade: string;
  /** 0 for ordinary counties; higher tiers (e.g. 山区26县, 海岛县) are left without help last. */
  readonly priorityTier: number;
  /** Experts wanted on the team, 1 to 3. */
  readonly teamSize: number;
}

export interface Expert {
  readonly id: string;
  readonly homeCounty: string;
  /** Trades the expert covers, best first: the position is the trade-fit term's multiplier. */
  readonly trades: readonly string[];
  /** 1 (lowest) to maxSkillLevel. */
  readonly skillLevel: number;
  /** Problems the expert can carry at once. */
  readonly capacity: number;
  /** Problems the expert carries now; capacity - currentLoad is what this plan may use. */
  readonly currentLoad: number;
  readonly helpedEnterprises: readonly string[];
}

/** A pair the planner may use; pairs outside this list are never assigned. */
export interface Candidate {
  readonly problem: string;
  readonly expert: string;
}

/** Integer weights, each multiplying one cost term. All must be non-negative integers. */
export interface AssignmentWeights {
  /** Per position of the problem's trade in the expert's list (0 for the expert's first trade). */
  readonly tradeFit: number;
  /** Per skill level below maxSkillLevel. */
  readonly skill: number;
  readonly maxSkillLevel: number;
  /** Per unit of distance between the expert's home county and the problem's county. */
  readonly travel: number;
  /** Per problem the expert already carries. */
  readonly load: number;
  /** Charged when the expert has not helped this enterprise before. */
  readonly continuity: number;
  /**
   * Added per further missing slot of the same team, so that one problem losing its whole team
   * costs more than several problems each missing one member.
   */
  readonly emptierTeam: number;
  /**
   * Penalty per missing slot by priority tier. When absent, penalties are derived so that the
   * priority is strict: no saving in travel, load or fit can leave a higher-tier slot empty while a
   * lower-tier slot is filled by an expert who could have taken it, nor leave any slot empty that an
   * idle eligible expert could fill.
   */
  readonly unassignedPenalty?: readonly number[];
}

export const defaultWeights: AssignmentWeights = {
  tradeFit: 30,
  skill: 10,
  maxSkillLevel: 5,
  travel: 1,
  load: 15,
  continuity: 20,
  emptierTeam: 5,
};

/** Integer distance (for instance road kilometres between county seats); the package holds no geography. */
export type CountyDistance = (fromCounty: string, toCounty: string) => number;

export interface AssignmentInput {
  readonly problems: readonly Problem[];
  readonly experts: readonly Expert[];
  readonly candidates: readonly Candidate[];
  readonly distance: CountyDistance;
  readonly weights?: Partial<AssignmentWeights>;
}

/** The terms behind one assignment's cost; they add up to `cost`. */
export interface CostTerms {
  readonly tradeFit: number;
  readonly skill: number;
  readonly travel: number;
  readonly load: number;
  readonly continuity: number;
}

export interface Assignment {
  readonly problem: string;
  readonly expert: string;
  readonly cost: number;
  readonly terms: CostTerms;
}

export type UnassignedReason =
  /** No candidate expert covers the trade and has room. */
  | "no-eligible-expert"
  /** Fewer eligible experts than the team needs. */
  | "too-few-eligible-experts"
  /** Eligible experts exist but their capacity went to problems of higher priority or lower cost. */
  | "experts-needed-elsewhere";

export interface UnassignedSlot {
  readonly problem: string;
  /** 1-based slot of the team left empty. */
  readonly slot: number;
  readonly penalty: number;
  readonly reason: UnassignedReason;
}

export interface AssignmentPlan {
  readonly assignments: readonly Assignment[];
  readonly unassigned: readonly UnassignedSlot[];
  /** Sum of assignment costs and unassigned penalties: the flow's optimal cost. */
  readonly totalCost: number;
  /** Candidates dropped because the expert lacks the trade, is full, or is a duplicate pair. */
  readonly droppedCandidates: number;
}
