import { z } from "zod";
import { IdSchema, TimestampSchema, listQuerySchema, pageSchema } from "./common.js";

export const JOB_KINDS = ["rescore", "backtest", "predictive_train", "import", "review_generate", "persona_apply"] as const;
export const JobKindSchema = z.enum(JOB_KINDS);
export type JobKind = z.infer<typeof JobKindSchema>;

export const JOB_STATUSES = ["queued", "running", "succeeded", "failed"] as const;

/** A long-running piece of work and how far it has got. */
export const JobSchema = z.object({
  id: IdSchema,
  kind: JobKindSchema,
  subjectId: IdSchema.nullable(),
  status: z.enum(JOB_STATUSES),
  params: z.record(z.string(), z.unknown()),
  progressDone: z.number().int(),
  progressTotal: z.number().int().nullable(),
  progressLabel: z.string().nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  error: z.string().nullable(),
  attempts: z.number().int(),
  requestedBy: IdSchema.nullable(),
  createdAt: TimestampSchema,
  startedAt: TimestampSchema.nullable(),
  finishedAt: TimestampSchema.nullable(),
});
export type Job = z.infer<typeof JobSchema>;

export const ListJobsQuerySchema = listQuerySchema(["createdAt"] as const).extend({
  kind: JobKindSchema.optional(),
  status: z.enum(JOB_STATUSES).optional(),
  subjectId: IdSchema.optional(),
});
export type ListJobsQuery = z.infer<typeof ListJobsQuerySchema>;
export const JobPageSchema = pageSchema(JobSchema);
