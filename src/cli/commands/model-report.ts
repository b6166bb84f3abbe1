import path from "node:path";
import type { CsvEvaluation } from "./model-evaluate.js";

const int = (n: number) => n.toLocaleString("en-US");
const pct = (x: number) => `${(100 * x).toFixed(2)} %`;
const fixed = (x: number | null, digits: number) => (x === null ? "–" : x.toFixed(digits));

/** The human-readable report of `tandem model evaluate`. */
export function formatEvaluation(file: string, r: CsvEvaluation): string {
  const numeric = r.columns.filter((c) => c.kind === "numeric").map((c) => c.name);
  const categorical = r.columns.filter((c) => c.kind === "categorical").map((c) => c.name);
  const flags = r.columns.filter((c) => c.kind === "boolean").map((c) => c.name);
  const majority = Math.max(r.test.positiveRate, 1 - r.test.positiveRate);
  const lines = [
    `${path.basename(file)}: ${int(r.rows + r.skippedRows)} rows read (delimiter ${JSON.stringify(r.delimiter)})${r.skippedRows ? `, ${int(r.skippedRows)} without a label skipped` : ""}`,
    `label: ${r.label} = ${JSON.stringify(r.positive)} is positive`,
    `numeric (standardised): ${numeric.join(", ") || "–"}`,
    `categorical (one-hot): ${categorical.join(", ") || "–"}`,
    ...(flags.length ? [`boolean: ${flags.join(", ")}`] : []),
    `excluded: ${r.excluded.join(", ") || "–"}`,
    `features: ${r.training.features}`,
    `split: stratified, test fraction ${r.testFraction}, seed ${r.seed}`,
    `  train ${int(r.train.rows).padStart(8)} rows, ${pct(r.train.positiveRate)} positive`,
    `  test  ${int(r.test.rows).padStart(8)} rows, ${pct(r.test.positiveRate)} positive`,
    `model: L2 logistic regression, lambda ${r.lambda}, Newton ${r.training.iterations} iterations${r.training.converged ? " (converged)" : " (NOT converged)"}`,
    "",
    "held-out metrics",
    `  AUC       ${r.metrics.auc.toFixed(4)}`,
    `  accuracy  ${r.metrics.accuracy.toFixed(4)}  (at 0.5; majority-class baseline ${majority.toFixed(4)})`,
    `  Brier     ${r.metrics.brier.toFixed(4)}`,
    `  log loss  ${r.metrics.logLoss.toFixed(4)}`,
    "",
    "calibration (test set)",
    `  ${"bin".padEnd(7)}  ${"rows".padStart(8)}  ${"mean predicted".padStart(14)}  ${"observed rate".padStart(13)}`,
    ...r.metrics.calibration.map(
      (b) => `  ${b.lower.toFixed(1)}–${b.upper.toFixed(1)}  ${int(b.count).padStart(8)}  ${fixed(b.meanPredicted, 4).padStart(14)}  ${fixed(b.observedRate, 4).padStart(13)}`,
    ),
    "",
    `top ${r.topFeatures.length} features by |coefficient| (log-odds per standard deviation, or per category / flag)`,
    ...r.topFeatures.map((f) => `  ${(f.coefficient >= 0 ? "+" : "") + f.coefficient.toFixed(4)}  ${f.feature}`),
  ];
  return `${lines.join("\n")}\n`;
}
