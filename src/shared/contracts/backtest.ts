import { z } from "zod";
import { IdSchema } from "./common.js";

export const StartBacktestBodySchema = z.object({
  /** How far back to replay touchpoints and outcomes. */
  months: z.number().int().min(1).max(36).default(12),
});
export type StartBacktestBody = z.infer<typeof StartBacktestBodySchema>;

/** What one version would have produced over the replayed period, and what became of those leads. */
export const BacktestSideSchema = z.object({
  definitionId: IdSchema,
  version: z.number().int(),
  /** Contacts the version would have made MQL in the period. */
  mqls: z.number().int(),
  /** Of those, how many sales accepted (reached SAL or later) / rejected, as recorded. */
  accepted: z.number().int(),
  rejected: z.number().int(),
  /** Of those, how many never reached sales (no MQL, acceptance or rejection on record). */
  neverSentToSales: z.number().int(),
  sql: z.number().int(),
  opportunity: z.number().int(),
  won: z.number().int(),
  /** Closed-won revenue of deals whose primary contact is one of these MQLs. */
  revenue: z.number(),
  /** MQLs per calendar month (`YYYY-MM`) of the moment they would have qualified. */
  byMonth: z.array(z.object({ month: z.string(), mqls: z.number().int() })),
  /** MQLs per fit grade. */
  byGrade: z.array(z.object({ grade: z.string(), mqls: z.number().int() })),
});
export type BacktestSide = z.infer<typeof BacktestSideSchema>;

/** A back-test: the proposed (candidate) version beside the active (baseline) one over the same period. */
export const BacktestResultSchema = z.object({
  months: z.number().int(),
  from: z.string(),
  to: z.string(),
  contactsEvaluated: z.number().int(),
  touchpointsReplayed: z.number().int(),
  candidate: BacktestSideSchema,
  baseline: BacktestSideSchema.nullable(),
  /** Contacts only the candidate qualifies / only the baseline qualifies. */
  onlyCandidate: z.number().int(),
  onlyBaseline: z.number().int(),
});
export type BacktestResult = z.infer<typeof BacktestResultSchema>;
