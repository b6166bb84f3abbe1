import { z } from "zod";
import { IdSchema, TimestampSchema } from "./common.js";

/** A training request (the body may be left out): the L2 penalty is optional (default 1; larger shrinks the weights more). */
export const TrainModelBodySchema = z.object({ lambda: z.number().min(0).max(1000).optional() }).nullish();
export type TrainModelBody = z.infer<typeof TrainModelBodySchema>;

export const ListModelsQuerySchema = z.object({ limit: z.coerce.number().int().min(1).max(100).default(50) });
export type ListModelsQuery = z.infer<typeof ListModelsQuerySchema>;

/** One bin of the held-out calibration table: predictions in [lower, upper), mean predicted vs observed rate. */
export const CalibrationBinSchema = z.object({
  lower: z.number(),
  upper: z.number(),
  count: z.number().int(),
  meanPredicted: z.number().nullable(),
  observedRate: z.number().nullable(),
});

/** A feature's global weight in log-odds (per standard deviation of a number, per 0→1 of a category or flag). */
export const FeatureWeightSchema = z.object({ feature: z.string(), column: z.string(), coefficient: z.number() });

const SplitSchema = z.object({ rows: z.number().int(), positives: z.number().int() });

/** What training measured on the held-out split, and how it was set up; stored as the model's metrics. */
export const ModelMetricsSchema = z.object({
  auc: z.number().nullable(),
  brier: z.number(),
  accuracy: z.number(),
  logLoss: z.number(),
  calibration: z.array(CalibrationBinSchema),
  positives: z.number().int(),
  negatives: z.number().int(),
  train: SplitSchema,
  test: SplitSchema,
  topFeatures: z.array(FeatureWeightSchema),
  features: z.number().int(),
  lambda: z.number(),
  testFraction: z.number(),
  seed: z.number().int(),
  windowDays: z.number().int(),
  iterations: z.number().int(),
  converged: z.boolean(),
});
export type ModelMetrics = z.infer<typeof ModelMetricsSchema>;

/** A model version in the history list. */
export const PredictiveModelSummarySchema = z.object({
  id: IdSchema,
  version: z.number().int(),
  status: z.enum(["active", "superseded"]),
  auc: z.number().nullable(),
  brier: z.number(),
  accuracy: z.number(),
  positives: z.number().int(),
  negatives: z.number().int(),
  trainedOn: z.number().int(),
  trainedAt: TimestampSchema,
  trainedBy: IdSchema.nullable(),
  jobId: IdSchema.nullable(),
});
export type PredictiveModelSummary = z.infer<typeof PredictiveModelSummarySchema>;

export const PredictiveModelListSchema = z.object({ items: z.array(PredictiveModelSummarySchema) });

/** The active model with its full held-out metrics. */
export const PredictiveModelDetailSchema = PredictiveModelSummarySchema.extend({ metrics: ModelMetricsSchema });
export type PredictiveModelDetail = z.infer<typeof PredictiveModelDetailSchema>;

/** One reason for a contact's score: a feature, the contact's value, and its push on the log-odds. */
export const PredictiveFactorSchema = z.object({
  feature: z.string(),
  column: z.string(),
  label: z.string(),
  value: z.union([z.string(), z.number(), z.boolean()]).nullable(),
  contribution: z.number(),
  direction: z.enum(["up", "down"]),
});

/** A contact's predicted chance of reaching a won deal under the active model (nulls while no model exists). */
export const ContactPredictionSchema = z.object({
  contactId: IdSchema,
  model: z.object({ id: IdSchema, version: z.number().int(), trainedAt: TimestampSchema }).nullable(),
  probability: z.number().nullable(),
  logOdds: z.number().nullable(),
  /** The model's log-odds for a contact at the training averages with no category set. */
  baseLogOdds: z.number().nullable(),
  /** When engagement was counted up to: the contact's first hand-off or outcome, or now. */
  cutoff: TimestampSchema,
  factors: z.array(PredictiveFactorSchema),
});
export type ContactPrediction = z.infer<typeof ContactPredictionSchema>;

/** The workspace's closed-loop outcomes today, and whether there are enough to train. */
export const OutcomeCountsSchema = z.object({ positives: z.number().int(), negatives: z.number().int(), minPerClass: z.number().int(), enough: z.boolean() });

/** The active model (null until one is trained) and the outcomes a new training would learn from. */
export const ActiveModelResponseSchema = z.object({ model: PredictiveModelDetailSchema.nullable(), outcomes: OutcomeCountsSchema });
export type ActiveModelResponse = z.infer<typeof ActiveModelResponseSchema>;
