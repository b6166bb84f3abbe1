/** One bin of a calibration table: predictions in [lower, upper), mean predicted vs observed positive rate. */
export type CalibrationBin = { lower: number; upper: number; count: number; meanPredicted: number | null; observedRate: number | null };

/** Held-out metrics of a probabilistic classifier. */
export type ClassifierMetrics = { auc: number; accuracy: number; brier: number; logLoss: number; calibration: CalibrationBin[] };

function checkLengths(scores: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (scores.length !== labels.length) throw new RangeError(`${scores.length} scores but ${labels.length} labels`);
  if (scores.length === 0) throw new RangeError("no rows to evaluate");
}

/** Exact ROC AUC (Mann–Whitney over average ranks, so a tied pos/neg pair counts ½); NaN with one class. */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(scores, labels);
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && scores[order[end] as number] === scores[order[start] as number]) end++;
    const averageRank = (start + 1 + end) / 2; // ranks start+1 … end
    for (let k = start; k < end; k++) {
      if (labels[order[k] as number] === 1) {
        positives++;
        positiveRankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Share of rows where (score ≥ threshold) matches the label. */
export function accuracy(scores: ArrayLike<number>, labels: ArrayLike<number>, threshold = 0.5): number {
  checkLengths(scores, labels);
  let correct = 0;
  for (let i = 0; i < scores.length; i++) if (((scores[i] as number) >= threshold ? 1 : 0) === labels[i]) correct++;
  return correct / scores.length;
}

/** Brier score: mean squared difference between probability and label. */
export function brierScore(probabilities: ArrayLike<number>, labels: ArrayLike<number>): number {
  checkLengths(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) sum += ((probabilities[i] as number) - (labels[i] as number)) ** 2;
  return sum / probabilities.length;
}

/** Mean negative log-likelihood (natural log); probabilities are clipped to [eps, 1 − eps]. */
export function logLoss(probabilities: ArrayLike<number>, labels: ArrayLike<number>, eps = 1e-15): number {
  checkLengths(probabilities, labels);
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i] as number));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}

/** Calibration table over `bins` equal-width bins of predicted probability (the last bin includes 1). */
export function calibrationTable(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): CalibrationBin[] {
  checkLengths(probabilities, labels);
  const count = new Array<number>(bins).fill(0);
  const predicted = new Array<number>(bins).fill(0);
  const observed = new Array<number>(bins).fill(0);
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i] as number;
    const b = Math.min(bins - 1, Math.max(0, Math.floor(p * bins)));
    count[b] = (count[b] as number) + 1;
    predicted[b] = (predicted[b] as number) + p;
    observed[b] = (observed[b] as number) + (labels[i] as number);
  }
  return count.map((n, b) => ({
    lower: b / bins,
    upper: (b + 1) / bins,
    count: n,
    meanPredicted: n > 0 ? (predicted[b] as number) / n : null,
    observedRate: n > 0 ? (observed[b] as number) / n : null,
  }));
}

/** AUC, accuracy at 0.5, Brier, log loss and a 10-bin calibration table in one call. */
export function evaluateClassifier(probabilities: ArrayLike<number>, labels: ArrayLike<number>): ClassifierMetrics {
  return {
    auc: rocAuc(probabilities, labels),
    accuracy: accuracy(probabilities, labels),
    brier: brierScore(probabilities, labels),
    logLoss: logLoss(probabilities, labels),
    calibration: calibrationTable(probabilities, labels),
  };
}
