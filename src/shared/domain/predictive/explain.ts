import type { LogisticCoefficients } from "./logistic.js";
import type { FeatureInfo } from "./feature-spec.js";

/** A feature's signed push on one row's log-odds: coefficient × encoded (standardised or 0/1) value. */
export type FeatureContribution = { feature: string; column: string; encoded: number; contribution: number };

/** A feature's global weight on the log-odds scale, per standard deviation (numeric) or per 0→1 (flag, category). */
export type FeatureWeight = { feature: string; column: string; coefficient: number };

function byMagnitude<T>(key: (item: T) => number): (a: T, b: T) => number {
  return (a, b) => Math.abs(key(b)) - Math.abs(key(a));
}

/** The `top` non-zero contributions to one encoded row's log-odds, largest |contribution| first. */
export function explainEncodedRow(model: LogisticCoefficients, features: ReadonlyArray<FeatureInfo>, row: ArrayLike<number>, top: number): FeatureContribution[] {
  const out: FeatureContribution[] = [];
  features.forEach((f, j) => {
    const encoded = row[j] as number;
    const contribution = (model.weights[j] as number) * encoded;
    if (contribution !== 0) out.push({ feature: f.name, column: f.column, encoded, contribution });
  });
  // Stable sort: ties keep feature order, so explanations are deterministic.
  return out.sort(byMagnitude((c) => c.contribution)).slice(0, Math.max(0, top));
}

/** The `top` features by |coefficient|, strongest first. */
export function rankFeatures(model: LogisticCoefficients, features: ReadonlyArray<FeatureInfo>, top: number): FeatureWeight[] {
  return features
    .map((f, j) => ({ feature: f.name, column: f.column, coefficient: model.weights[j] as number }))
    .sort(byMagnitude((w) => w.coefficient))
    .slice(0, Math.max(0, top));
}
