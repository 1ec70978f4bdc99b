import { boolean, date, index, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "../../../platform/auth/tables";
import { agreements } from "../agreements/tables";
import { problems } from "../problems/tables";
import { regions } from "../../../platform/regions/tables";

/** 成效: money is numeric(15,2) in the database and a string in code, so no float touches it. */
export const outcomes = pgTable(
  "outcomes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    problemId: uuid("problem_id").references(() => problems.id),
    agreementId: uuid("agreement_id").references(() => agreements.id),
    countyCode: text("county_code")
      .notNull()
      .references(() => regions.code),
    economicBenefitYuan: numeric("economic_benefit_yuan", { precision: 15, scale: 2 }).notNull(),
    verifiedBenefitYuan: numeric("verified_benefit_yuan", { precision: 15, scale: 2 }),
    laborIntensityReductionPct: numeric("labor_intensity_reduction_pct", { precision: 5, scale: 2 }),
    failureRateReductionPct: numeric("failure_rate_reduction_pct", { precision: 5, scale: 2 }),
    note: text("note"),
    estimatedOn: date("estimated_on").notNull(),
    estimatedBy: uuid("estimated_by").references(() => users.id),
    verifiedOn: date("verified_on"),
    verifiedBy: uuid("verified_by").references(() => users.id),
    enterpriseConfirmed: boolean("enterprise_confirmed").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outcomes_county_idx").on(t.countyCode, t.estimatedOn),
    index("outcomes_problem_idx").on(t.problemId),
    // An agreement's outcomes: campaign benefit and an enterprise's benefit in the statistics (docs/statistics.md).
    index("outcomes_agreement_idx").on(t.agreementId),
    // Province-wide benefit of one year among many (docs/statistics.md).
    index("outcomes_estimated_on_idx").on(t.estimatedOn),
  ],
);
