import { z } from "zod";
import { IdSchema } from "../common.js";

/** One reason deals were lost (or ended in no decision) in a period. */
export const DealReasonRowSchema = z.object({
  outcome: z.enum(["won", "lost", "no_decision"]),
  code: z.string().nullable(),
  /** The taxonomy's label; the code itself when the code was later removed; "No reason recorded" for none. */
  label: z.string(),
  deals: z.number().int(),
  amount: z.number(),
  /** Share of the deals with this outcome. */
  share: z.number(),
});
export type DealReasonRow = z.infer<typeof DealReasonRowSchema>;

export const CompetitorRowSchema = z.object({ competitor: z.string(), won: z.number().int(), lost: z.number().int(), noDecision: z.number().int(), lostAmount: z.number() });

/** Why deals closed the way they did in a period: reasons per outcome, and competitors involved. */
export const OutcomeReasonsSchema = z.object({
  closed: z.object({ won: z.number().int(), lost: z.number().int(), noDecision: z.number().int() }),
  reasons: z.array(DealReasonRowSchema),
  competitors: z.array(CompetitorRowSchema),
});
export type OutcomeReasons = z.infer<typeof OutcomeReasonsSchema>;

/** A lead-definition version that took effect in a period, and what it changed against the one before. */
export const AgreementChangeSchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  /** ISO-8601: a review stores this in its snapshot as JSON. */
  activatedAt: z.iso.datetime(),
  marketingApprover: z.string().nullable(),
  salesApprover: z.string().nullable(),
  notes: z.string().nullable(),
  changes: z.array(z.object({ kind: z.enum(["added", "removed", "changed"]), area: z.string(), text: z.string() })),
});
export type AgreementChange = z.infer<typeof AgreementChangeSchema>;
