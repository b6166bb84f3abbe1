import { z } from "zod";
import { IdSchema, TimestampSchema } from "../common.js";
import { DrillPageQuerySchema, reportQuerySchema } from "./filters.js";

const CoverageSchema = z.object({
  /** Closed deals with at least one decision maker recorded. */
  deals: z.number().int(),
  /** Of those, deals where marketing reached at least one decision maker before the close. */
  covered: z.number().int(),
  /** covered ÷ deals; null with none. */
  share: z.number().nullable(),
});

export const DecisionMakerCoverageSchema = z.object({
  overall: CoverageSchema.extend({
    /** All deals closed in the period. */
    closed: z.number().int(),
    /** Closed deals without a decision maker recorded (left out of the share). */
    noDecisionMaker: z.number().int(),
  }),
  byOutcome: z.array(CoverageSchema.extend({ outcome: z.enum(["won", "lost", "no_decision"]) })),
  /** Win rate (won ÷ closed) of the deals with and without coverage. */
  winRate: z.object({ covered: z.number().nullable(), uncovered: z.number().nullable() }),
  /** Per decision-maker persona: decision makers (one per deal and person), how many marketing reached, the share. */
  byPersona: z.array(z.object({ persona: z.string(), decisionMakers: z.number().int(), reached: z.number().int(), share: z.number().nullable() })),
});
export type DecisionMakerCoverage = z.infer<typeof DecisionMakerCoverageSchema>;

export const DecisionMakerCoverageQuerySchema = reportQuerySchema({});

/**
 * Which number to open: deals `covered`, `uncovered` or with `no_decision_maker`, optionally one `persona` (`unknown`
 * for none: deals with a decision maker of that persona, covered meaning one of those was reached) and one `outcome`.
 */
export const DecisionMakerCoverageRecordsQuerySchema = reportQuerySchema({
  coverage: z.enum(["covered", "uncovered", "no_decision_maker"]),
  persona: z.string().trim().min(1).max(100).optional(),
  outcome: z.enum(["won", "lost", "no_decision"]).optional(),
  ...DrillPageQuerySchema.shape,
});
export type DecisionMakerCoverageRecordsQuery = z.infer<typeof DecisionMakerCoverageRecordsQuerySchema>;

export const DecisionMakerCoverageRecordsSchema = z.object({
  items: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      accountName: z.string(),
      outcome: z.string(),
      amount: z.number(),
      closedAt: TimestampSchema,
      decisionMakers: z.array(z.object({ contactId: IdSchema, name: z.string(), persona: z.string().nullable(), firstMarketingTouchAt: TimestampSchema.nullable() })),
    }),
  ),
  total: z.number().int(),
});
export type DecisionMakerCoverageRecords = z.infer<typeof DecisionMakerCoverageRecordsSchema>;
