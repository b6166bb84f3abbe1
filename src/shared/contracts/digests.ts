import { z } from "zod";
import { DateOnlySchema, IdSchema, TimestampSchema } from "./common.js";
import { ReportPeriodSchema } from "./reports/filters.js";

/** One number of the week beside the week before; `change` is relative (null when last week was 0). */
export const DigestMetricSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.enum(["count", "money"]),
  value: z.number(),
  previous: z.number(),
  change: z.number().nullable(),
  /** Moved by at least a fifth (and by at least 3 when counting), so the digest calls it out. */
  moved: z.boolean(),
});
export type DigestMetric = z.infer<typeof DigestMetricSchema>;

/**
 * What the weekly digest tells both teams: the numbers of the week beside the week before, the SLA breaches, the
 * top rejection reasons, the review actions coming due, and the week's field insights and content requests. Stored as generated, so it reads the same later.
 */
export const DigestContentSchema = z.object({
  period: ReportPeriodSchema,
  previousPeriod: ReportPeriodSchema,
  currency: z.string(),
  metrics: z.array(DigestMetricSchema),
  slaBreaches: z.object({
    total: z.number().int(),
    previous: z.number().int(),
    byKind: z.array(z.object({ kind: z.string(), label: z.string(), count: z.number().int() })),
    byRep: z.array(z.object({ repId: IdSchema.nullable(), name: z.string(), count: z.number().int() })),
  }),
  rejectionReasons: z.array(z.object({ code: z.string().nullable(), label: z.string(), count: z.number().int(), share: z.number() })),
  reviewActions: z.array(z.object({ id: IdSchema, title: z.string(), ownerName: z.string(), dueOn: DateOnlySchema, overdue: z.boolean() })),
  /** Field insights submitted in the week, most-voted first (absent in digests generated before they were added). */
  fieldInsights: z
    .object({
      total: z.number().int(),
      previous: z.number().int(),
      items: z.array(
        z.object({
          id: IdSchema,
          kind: z.string(),
          label: z.string(),
          text: z.string(),
          status: z.string(),
          votes: z.number().int(),
          submittedByName: z.string(),
          accountName: z.string().nullable(),
          personaName: z.string().nullable(),
          competitorName: z.string().nullable(),
        }),
      ),
    })
    .optional(),
  /** Content requests sales opened in the week, high priority first, and how many wait for marketing now (absent in older digests). */
  contentRequests: z
    .object({
      total: z.number().int(),
      previous: z.number().int(),
      open: z.number().int(),
      items: z.array(
        z.object({
          id: IdSchema,
          title: z.string(),
          priority: z.string(),
          status: z.string(),
          requestedByName: z.string(),
          dealName: z.string().nullable(),
          persona: z.string().nullable(),
          competitor: z.string().nullable(),
        }),
      ),
    })
    .optional(),
});
export type DigestContent = z.infer<typeof DigestContentSchema>;

export const DigestSummarySchema = z.object({ id: IdSchema, weekStart: DateOnlySchema, generatedAt: TimestampSchema, emailedAt: TimestampSchema.nullable(), recipients: z.number().int() });
export const DigestSchema = DigestSummarySchema.extend({ content: DigestContentSchema });
export type Digest = z.infer<typeof DigestSchema>;

/** Body of POST /digests: the Monday of a finished week (default: last week). */
export const CreateDigestBodySchema = z.object({
  weekStart: DateOnlySchema.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, "must be a Monday").optional(),
});
export type CreateDigestBody = z.infer<typeof CreateDigestBodySchema>;
