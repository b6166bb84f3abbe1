import { z } from "zod";
import { LIMITS } from "../limits.js";
import { INSIGHT_KINDS, INSIGHT_STATUSES } from "../domain/insights.js";
import { DateOnlySchema, IdSchema, QueryBooleanSchema, TimestampSchema, csvQuery, listQuerySchema, pageSchema } from "./common.js";

export const InsightKindSchema = z.enum(INSIGHT_KINDS);
export const InsightStatusSchema = z.enum(INSIGHT_STATUSES);

/** A field insight with the names of what it links to and whether the caller voted for it. */
export const InsightSchema = z.object({
  id: IdSchema,
  kind: InsightKindSchema,
  text: z.string(),
  status: InsightStatusSchema,
  accountId: IdSchema.nullable(),
  accountName: z.string().nullable(),
  dealId: IdSchema.nullable(),
  dealName: z.string().nullable(),
  personaId: IdSchema.nullable(),
  personaName: z.string().nullable(),
  competitorId: IdSchema.nullable(),
  competitorName: z.string().nullable(),
  /** The ride-along whose notes it came from. */
  rideAlongId: IdSchema.nullable(),
  submittedBy: IdSchema,
  submittedByName: z.string().nullable(),
  votes: z.number().int(),
  votedByMe: z.boolean(),
  reviewedBy: IdSchema.nullable(),
  reviewedByName: z.string().nullable(),
  reviewedAt: TimestampSchema.nullable(),
  actionedBy: IdSchema.nullable(),
  actionedByName: z.string().nullable(),
  actionedAt: TimestampSchema.nullable(),
  /** What marketing did about it (set when actioned). */
  actionTaken: z.string().nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
});
export type Insight = z.infer<typeof InsightSchema>;
export const InsightPageSchema = pageSchema(InsightSchema);

const insightText = z.string().trim().min(1).max(LIMITS.reason);

/** What a ride-along's insight carries of its own (account and deal come from the ride-along). */
const insightFields = { kind: InsightKindSchema, text: insightText, personaId: IdSchema.nullable().optional(), competitorId: IdSchema.nullable().optional() };

export const CreateInsightBodySchema = z.object({ ...insightFields, accountId: IdSchema.nullable().optional(), dealId: IdSchema.nullable().optional() });
export type CreateInsightBody = z.infer<typeof CreateInsightBodySchema>;

export const TriageInsightBodySchema = z
  .object({ status: z.enum(["reviewed", "actioned"]), actionTaken: z.string().trim().min(1).max(LIMITS.reason).optional() })
  .refine((v) => v.status !== "actioned" || !!v.actionTaken, { message: "say what was done", path: ["actionTaken"] });
export type TriageInsightBody = z.infer<typeof TriageInsightBodySchema>;

/** The feed: newest first by default, or by votes; filters combine. */
export const ListInsightsQuerySchema = listQuerySchema(["createdAt", "votes"] as const).extend({
  kind: csvQuery(InsightKindSchema).optional(),
  status: csvQuery(InsightStatusSchema).optional(),
  personaId: IdSchema.optional(),
  competitorId: IdSchema.optional(),
  accountId: IdSchema.optional(),
  dealId: IdSchema.optional(),
  rideAlongId: IdSchema.optional(),
  /** Only the caller's own submissions. */
  mine: QueryBooleanSchema.optional(),
});
export type ListInsightsQuery = z.infer<typeof ListInsightsQuerySchema>;

/** A marketer joining a sales call or meeting. */
export const RideAlongSchema = z.object({
  id: IdSchema,
  occurredOn: DateOnlySchema,
  /** The reps (members) the marketer joined. */
  reps: z.array(z.object({ id: IdSchema, name: z.string().nullable() })),
  accountId: IdSchema.nullable(),
  accountName: z.string().nullable(),
  dealId: IdSchema.nullable(),
  dealName: z.string().nullable(),
  notes: z.string(),
  recordedBy: IdSchema,
  recordedByName: z.string().nullable(),
  /** How many insights its notes became. */
  insightCount: z.number().int(),
  createdAt: TimestampSchema,
});
export type RideAlong = z.infer<typeof RideAlongSchema>;
export const RideAlongDetailSchema = RideAlongSchema.extend({ insights: z.array(InsightSchema) });
export type RideAlongDetail = z.infer<typeof RideAlongDetailSchema>;
export const RideAlongPageSchema = pageSchema(RideAlongSchema);

export const RideAlongInsightBodySchema = z.object(insightFields);
export type RideAlongInsightBody = z.infer<typeof RideAlongInsightBodySchema>;

export const CreateRideAlongBodySchema = z.object({
  occurredOn: DateOnlySchema,
  repIds: z.array(IdSchema).min(1).max(10),
  accountId: IdSchema.nullable().optional(),
  dealId: IdSchema.nullable().optional(),
  notes: z.string().trim().min(1).max(LIMITS.longText),
  /** The insights its notes became (more can be added later). */
  insights: z.array(RideAlongInsightBodySchema).max(20).default([]),
});
export type CreateRideAlongBody = z.infer<typeof CreateRideAlongBodySchema>;

export const ListRideAlongsQuerySchema = listQuerySchema(["occurredOn"] as const).extend({
  accountId: IdSchema.optional(),
  dealId: IdSchema.optional(),
});
export type ListRideAlongsQuery = z.infer<typeof ListRideAlongsQuerySchema>;
