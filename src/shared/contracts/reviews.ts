import { z } from "zod";
import { DateOnlySchema, IdSchema, TimestampSchema, nameField } from "./common.js";
import { LIMITS } from "../limits.js";
import { QUARTER_PATTERN } from "../domain/quarters.js";
import { ReportPeriodSchema } from "./reports/filters.js";
import { AgreementChangeSchema, OutcomeReasonsSchema } from "./reports/outcome-reasons.js";

export const QuarterSchema = z.string().regex(QUARTER_PATTERN, "a quarter like 2026-Q3");

/**
 * The numbers of a quarterly joint review as they were when it was generated: a review is a record of what both
 * sides looked at, so later data does not rewrite it (regenerate a draft to refresh it; a final review is frozen).
 * Sections are filled by the report modules; a section a workspace cannot compute is absent.
 */
export const ReviewSnapshotSchema = z.object({
  period: ReportPeriodSchema,
  previousPeriod: ReportPeriodSchema,
  outcomeReasons: OutcomeReasonsSchema,
  agreementChanges: z.array(AgreementChangeSchema),
  /** Further report sections keyed by report name (funnel, acceptance, kpis, …), in their own contract's shape. */
  sections: z.record(z.string(), z.unknown()),
});
export type ReviewSnapshot = z.infer<typeof ReviewSnapshotSchema>;

export const REVIEW_ACTION_STATUSES = ["open", "done", "dropped"] as const;

export const ReviewActionSchema = z.object({
  id: IdSchema,
  reviewId: IdSchema,
  /** The quarter of the review the action was agreed in. */
  agreedIn: z.string(),
  title: z.string(),
  ownerId: IdSchema,
  ownerName: z.string(),
  dueOn: DateOnlySchema,
  status: z.enum(REVIEW_ACTION_STATUSES),
  outcome: z.string().nullable(),
  closedAt: TimestampSchema.nullable(),
  overdue: z.boolean(),
});
export type ReviewAction = z.infer<typeof ReviewActionSchema>;

export const ReviewSummarySchema = z.object({
  id: IdSchema,
  quarter: z.string(),
  title: z.string(),
  status: z.enum(["draft", "final"]),
  generatedAt: TimestampSchema,
  actions: z.number().int(),
  openActions: z.number().int(),
});
export type ReviewSummary = z.infer<typeof ReviewSummarySchema>;

export const ReviewSchema = ReviewSummarySchema.extend({
  notes: z.string().nullable(),
  createdByName: z.string().nullable(),
  snapshot: ReviewSnapshotSchema,
  /** Actions agreed in this review. */
  agreedActions: z.array(ReviewActionSchema),
  /** Actions agreed in earlier reviews that were still open when this one was generated, and their state now. */
  carriedActions: z.array(ReviewActionSchema),
});
export type Review = z.infer<typeof ReviewSchema>;

export const CreateReviewBodySchema = z.object({ quarter: QuarterSchema, title: nameField().optional() });
export type CreateReviewBody = z.infer<typeof CreateReviewBodySchema>;

export const UpdateReviewBodySchema = z
  .object({
    title: nameField().optional(),
    notes: z.string().trim().max(LIMITS.longText).nullable().optional(),
    status: z.literal("final").optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one field", path: ["title"] });
export type UpdateReviewBody = z.infer<typeof UpdateReviewBodySchema>;

export const CreateReviewActionBodySchema = z.object({ title: nameField(500), ownerId: IdSchema, dueOn: DateOnlySchema });
export type CreateReviewActionBody = z.infer<typeof CreateReviewActionBodySchema>;

export const UpdateReviewActionBodySchema = z
  .object({
    title: nameField(500).optional(),
    ownerId: IdSchema.optional(),
    dueOn: DateOnlySchema.optional(),
    status: z.enum(REVIEW_ACTION_STATUSES).optional(),
    outcome: z.string().trim().max(LIMITS.reason).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: "give at least one field", path: ["title"] });
export type UpdateReviewActionBody = z.infer<typeof UpdateReviewActionBodySchema>;

export const ListReviewActionsQuerySchema = z.object({
  status: z.enum(REVIEW_ACTION_STATUSES).optional(),
  ownerId: IdSchema.optional(),
});
export type ListReviewActionsQuery = z.infer<typeof ListReviewActionsQuerySchema>;

export const ReviewExportQuerySchema = z.object({ format: z.enum(["html", "pdf"]).default("html") });
