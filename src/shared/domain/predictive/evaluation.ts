import type { RawRow } from "./feature-spec.js";
import { evaluateClassifier, type ClassifierMetrics } from "./metrics.js";
import { predictRows, topFeatures, trainPredictiveModel, type PredictiveModel, type TrainModelOptions, type TrainingSummary } from "./model.js";
import type { FeatureWeight } from "./explain.js";
import { splitStratified } from "./split.js";

/** Size and positive rate of one side of the split. */
export type SplitStats = { rows: number; positives: number; positiveRate: number };

/** What a held-out evaluation reports: split sizes, test metrics, top features, and the train-split model. */
export type HoldoutReport = {
  rows: number;
  train: SplitStats;
  test: SplitStats;
  metrics: ClassifierMetrics;
  topFeatures: FeatureWeight[];
  training: TrainingSummary;
  model: PredictiveModel;
};

/** Options: the model's, plus the split (fraction, seed) and how many top features to list. */
export type HoldoutOptions = TrainModelOptions & { testFraction?: number; seed?: number; top?: number };

function statsOf(labels: ReadonlyArray<number>): SplitStats {
  const positives = labels.reduce((n, y) => n + y, 0);
  return { rows: labels.length, positives, positiveRate: labels.length > 0 ? positives / labels.length : 0 };
}

/** Stratified split (fixed seed), fit on the training part only, held-out metrics on the test part. */
export function evaluateHoldout(rows: ReadonlyArray<RawRow>, labels: ReadonlyArray<number>, options: HoldoutOptions): HoldoutReport {
  if (rows.length !== labels.length) throw new RangeError(`${rows.length} rows but ${labels.length} labels`);
  const split = splitStratified(labels, options.testFraction ?? 0.25, options.seed ?? 42);
  const trainLabels = split.train.map((i) => labels[i] as number);
  const testLabels = split.test.map((i) => labels[i] as number);
  const { model, summary } = trainPredictiveModel(
    split.train.map((i) => rows[i] as RawRow),
    trainLabels,
    options,
  );
  const probabilities = predictRows(model, split.test.map((i) => rows[i] as RawRow));
  return {
    rows: rows.length,
    train: statsOf(trainLabels),
    test: statsOf(testLabels),
    metrics: evaluateClassifier(probabilities, testLabels),
    topFeatures: topFeatures(model, options.top ?? 10),
    training: summary,
    model,
  };
}
