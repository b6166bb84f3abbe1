import { z } from "zod";
import { FeatureSpecSchema, type ColumnSpec, type RawRow } from "./feature-spec.js";
import { countFeatures, describeFeatures, encodeRow, encodeRows, fitFeatureSpec } from "./features.js";
import { explainEncodedRow, rankFeatures, type FeatureContribution, type FeatureWeight } from "./explain.js";
import { fitLogisticRegression, linearPredictor, predictProbabilities, sigmoid, type TrainingProgress } from "./logistic.js";

/** A trained predictive model: encoding + coefficients, stored as JSON and re-applied to new rows. */
export const PredictiveModelSchema = z
  .object({
    version: z.literal(1),
    spec: FeatureSpecSchema,
    intercept: z.number(),
    weights: z.array(z.number()),
    lambda: z.number().nonnegative(),
  })
  .refine((m) => m.weights.length === countFeatures(m.spec), { message: "weights do not match the feature spec", path: ["weights"] });
export type PredictiveModel = z.infer<typeof PredictiveModelSchema>;

/** Options for trainPredictiveModel; lambda defaults to 1 (penalty λ/2·|w|² on the summed log-loss). */
export type TrainModelOptions = {
  columns: ReadonlyArray<ColumnSpec>;
  lambda?: number;
  maxCategories?: number;
  maxIterations?: number;
  onIteration?: (progress: TrainingProgress) => void;
};

/** How the optimisation went. */
export type TrainingSummary = { iterations: number; converged: boolean; objective: number; features: number };

/** A contact's score: probability, log-odds and the features that pushed it most. */
export type RowScore = { probability: number; logOdds: number; contributions: FeatureContribution[] };

/** Fits the feature spec and an L2 logistic regression on rows with 0/1 labels. */
export function trainPredictiveModel(rows: ReadonlyArray<RawRow>, labels: ArrayLike<number>, options: TrainModelOptions): { model: PredictiveModel; summary: TrainingSummary } {
  const lambda = options.lambda ?? 1;
  const spec = fitFeatureSpec(rows, options.columns, { maxCategories: options.maxCategories });
  const x = encodeRows(spec, rows);
  const fit = fitLogisticRegression(x, labels, { lambda, maxIterations: options.maxIterations, onIteration: options.onIteration });
  return {
    model: { version: 1, spec, intercept: fit.intercept, weights: fit.weights, lambda },
    summary: { iterations: fit.iterations, converged: fit.converged, objective: fit.objective, features: x.cols },
  };
}

/** P(positive) for each row. */
export function predictRows(model: PredictiveModel, rows: ReadonlyArray<RawRow>): Float64Array {
  return predictProbabilities(model, encodeRows(model.spec, rows));
}

/** Scores one row and explains it with its `top` strongest signed contributions. */
export function scoreRow(model: PredictiveModel, row: RawRow, top = 5): RowScore {
  const x = encodeRow(model.spec, row);
  const logOdds = linearPredictor(model, x);
  return { probability: sigmoid(logOdds), logOdds, contributions: explainEncodedRow(model, describeFeatures(model.spec), x, top) };
}

/** The model's `top` features by |coefficient|. */
export function topFeatures(model: PredictiveModel, top = 10): FeatureWeight[] {
  return rankFeatures(model, describeFeatures(model.spec), top);
}

/** Parses a stored model (e.g. from a JSON column), throwing a ZodError when it is malformed. */
export function parsePredictiveModel(json: unknown): PredictiveModel {
  return PredictiveModelSchema.parse(json);
}
