import { solveCholesky, type Matrix } from "./matrix.js";

/** Fitted logistic-regression coefficients: P(y=1|x) = sigmoid(intercept + weights·x). */
export type LogisticCoefficients = { intercept: number; weights: number[] };

/** The result of fitting: the coefficients plus how the optimisation went. */
export type LogisticFit = LogisticCoefficients & { iterations: number; converged: boolean; objective: number };

/** Reported after every Newton iteration so a caller can show progress. */
export type TrainingProgress = { iteration: number; maxIterations: number; objective: number; gradientMax: number };

/** Options for fitLogisticRegression; `lambda` is the L2 penalty on the weights (never the intercept). */
export type LogisticOptions = {
  lambda?: number;
  maxIterations?: number;
  tolerance?: number;
  onIteration?: (progress: TrainingProgress) => void;
};

/** The logistic function, computed without overflow for large |z|. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** log(1 + e^z) without overflow. */
function softplus(z: number): number {
  return z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
}

/** The non-zero entries of each row, so one-hot columns cost nothing where they are 0. */
type SparseRows = { start: Int32Array; index: Int32Array; value: Float64Array };

function toSparseRows(x: Matrix): SparseRows {
  const start = new Int32Array(x.rows + 1);
  const index: number[] = [];
  const value: number[] = [];
  for (let i = 0; i < x.rows; i++) {
    for (let j = 0; j < x.cols; j++) {
      const v = x.data[i * x.cols + j] as number;
      if (v !== 0) {
        index.push(j);
        value.push(v);
      }
    }
    start[i + 1] = index.length;
  }
  return { start, index: Int32Array.from(index), value: Float64Array.from(value) };
}

function linearScores(s: SparseRows, rows: number, beta: Float64Array): Float64Array {
  const z = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let zi = beta[0] as number;
    for (let k = s.start[i] as number; k < (s.start[i + 1] as number); k++) zi += (beta[(s.index[k] as number) + 1] as number) * (s.value[k] as number);
    z[i] = zi;
  }
  return z;
}

/** Penalised negative log-likelihood: Σ softplus(z) − y·z + λ/2·|w|² (β[0] is the unpenalised intercept). */
function objectiveOf(s: SparseRows, y: ArrayLike<number>, beta: Float64Array, lambda: number): number {
  const z = linearScores(s, y.length, beta);
  let f = 0;
  for (let i = 0; i < y.length; i++) f += softplus(z[i] as number) - (y[i] as number) * (z[i] as number);
  for (let j = 1; j < beta.length; j++) f += 0.5 * lambda * (beta[j] as number) ** 2;
  return f;
}

/** Gradient and Hessian of the objective at beta (augmented with the intercept at index 0). */
function derivatives(s: SparseRows, y: ArrayLike<number>, beta: Float64Array, lambda: number) {
  const p = beta.length;
  const grad = new Float64Array(p);
  const hess = new Float64Array(p * p);
  const z = linearScores(s, y.length, beta);
  for (let i = 0; i < y.length; i++) {
    const prob = sigmoid(z[i] as number);
    const r = prob - (y[i] as number);
    const w = prob * (1 - prob);
    grad[0] = (grad[0] as number) + r;
    hess[0] = (hess[0] as number) + w;
    const from = s.start[i] as number;
    const to = s.start[i + 1] as number;
    for (let a = from; a < to; a++) {
      const ja = (s.index[a] as number) + 1;
      const va = s.value[a] as number;
      grad[ja] = (grad[ja] as number) + r * va;
      hess[ja] = (hess[ja] as number) + w * va; // row 0, column ja
      for (let b = a; b < to; b++) {
        const jb = (s.index[b] as number) + 1;
        hess[ja * p + jb] = (hess[ja * p + jb] as number) + w * va * (s.value[b] as number);
      }
    }
  }
  for (let j = 1; j < p; j++) {
    grad[j] = (grad[j] as number) + lambda * (beta[j] as number);
    hess[j * p + j] = (hess[j * p + j] as number) + lambda;
  }
  // Only the upper triangle was accumulated (column indices within a row ascend); mirror it.
  for (let a = 0; a < p; a++) for (let b = a + 1; b < p; b++) hess[b * p + a] = hess[a * p + b] as number;
  return { grad, hess };
}

/** Solves H d = g, adding a growing ridge when H is singular (e.g. λ = 0 with a full one-hot block). */
function newtonDirection(hess: Float64Array, grad: Float64Array, p: number): Float64Array {
  let maxDiag = 0;
  for (let j = 0; j < p; j++) maxDiag = Math.max(maxDiag, hess[j * p + j] as number);
  for (let jitter = 0; ; jitter = jitter === 0 ? 1e-10 * (1 + maxDiag) : jitter * 10) {
    const h = jitter === 0 ? hess : hess.map((v, k) => (k % (p + 1) === 0 ? v + jitter : v));
    const d = solveCholesky(h, grad, p);
    if (d) return d;
    if (jitter > 1e6 * (1 + maxDiag)) return grad.map((g) => g / (1 + maxDiag));
  }
}

/** Fits an L2 logistic regression by Newton's method (IRLS): minimises Σ log-loss + λ/2·|w|², intercept free. */
export function fitLogisticRegression(x: Matrix, y: ArrayLike<number>, options: LogisticOptions = {}): LogisticFit {
  const lambda = options.lambda ?? 1;
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-9;
  if (x.rows !== y.length) throw new RangeError(`x has ${x.rows} rows but y has ${y.length} labels`);
  if (!(lambda >= 0)) throw new RangeError("lambda must be ≥ 0");
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] !== 0 && y[i] !== 1) throw new RangeError(`label ${i} is ${y[i]}, expected 0 or 1`);
    positives += y[i] as number;
  }
  if (positives === 0 || positives === y.length) throw new RangeError("training labels need both classes");

  const s = toSparseRows(x);
  const p = x.cols + 1;
  let beta = new Float64Array(p);
  beta[0] = Math.log(positives / (y.length - positives));
  let objective = objectiveOf(s, y, beta, lambda);
  let converged = false;
  let iteration = 0;
  while (iteration < maxIterations && !converged) {
    iteration++;
    const { grad, hess } = derivatives(s, y, beta, lambda);
    const gradientMax = grad.reduce((m, g) => Math.max(m, Math.abs(g)), 0);
    if (gradientMax <= tolerance * y.length) {
      converged = true;
      options.onIteration?.({ iteration, maxIterations, objective, gradientMax });
      break;
    }
    const direction = newtonDirection(hess, grad, p);
    const slope = grad.reduce((acc, g, j) => acc + g * (direction[j] as number), 0);
    let step = 1;
    let candidate = beta.map((b, j) => b - step * (direction[j] as number));
    let candidateObjective = objectiveOf(s, y, candidate, lambda);
    // Armijo backtracking: Newton steps are usually accepted at 1; halving guards the first steps.
    while (candidateObjective > objective - 1e-4 * step * slope && step > 1e-10) {
      step /= 2;
      candidate = beta.map((b, j) => b - step * (direction[j] as number));
      candidateObjective = objectiveOf(s, y, candidate, lambda);
    }
    if (candidateObjective > objective - 1e-4 * step * slope) {
      // No decrease is possible any more: we are at the optimum to floating-point precision (or stuck).
      converged = gradientMax <= 1e-6 * y.length;
      options.onIteration?.({ iteration, maxIterations, objective, gradientMax });
      break;
    }
    const maxChange = direction.reduce((m, d) => Math.max(m, Math.abs(step * d)), 0);
    beta = candidate;
    objective = candidateObjective;
    converged = maxChange < 1e-10;
    options.onIteration?.({ iteration, maxIterations, objective, gradientMax });
  }
  return { intercept: beta[0] as number, weights: Array.from(beta.subarray(1)), iterations: iteration, converged, objective };
}

/** Linear score (log-odds) of one encoded row. */
export function linearPredictor(model: LogisticCoefficients, row: ArrayLike<number>): number {
  let z = model.intercept;
  for (let j = 0; j < model.weights.length; j++) z += (model.weights[j] as number) * (row[j] as number);
  return z;
}

/** Probabilities P(y=1) for every row of an encoded matrix. */
export function predictProbabilities(model: LogisticCoefficients, x: Matrix): Float64Array {
  if (x.cols !== model.weights.length) throw new RangeError(`x has ${x.cols} columns, the model ${model.weights.length}`);
  const out = new Float64Array(x.rows);
  for (let i = 0; i < x.rows; i++) out[i] = sigmoid(linearPredictor(model, x.data.subarray(i * x.cols, (i + 1) * x.cols)));
  return out;
}
