import { describe, expect, it } from "vitest";
import { fitLogisticRegression, predictProbabilities, sigmoid } from "./logistic.js";
import { createMatrix, matrixFromRows, type Matrix } from "./matrix.js";
import { createRandom, drawNormal } from "./random.js";

/** n rows of standard-normal features with labels drawn from the true logistic model. */
function synthetic(n: number, intercept: number, weights: number[], seed: number): { x: Matrix; y: number[] } {
  const random = createRandom(seed);
  const x = createMatrix(n, weights.length);
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    let z = intercept;
    weights.forEach((w, j) => {
      const v = drawNormal(random);
      x.data[i * weights.length + j] = v;
      z += w * v;
    });
    y.push(random() < sigmoid(z) ? 1 : 0);
  }
  return { x, y };
}

const norm = (w: number[]) => Math.sqrt(w.reduce((s, v) => s + v * v, 0));

describe("fitLogisticRegression", () => {
  it("recovers known coefficients from data drawn with a fixed seed", () => {
    const truth = { intercept: -1, weights: [1.5, -2, 0.5, 0] };
    const { x, y } = synthetic(20_000, truth.intercept, truth.weights, 7);
    const fit = fitLogisticRegression(x, y, { lambda: 0 });
    expect(fit.converged).toBe(true);
    expect(fit.iterations).toBeLessThan(15);
    expect(fit.intercept).toBeCloseTo(truth.intercept, 1);
    fit.weights.forEach((w, j) => expect(Math.abs(w - (truth.weights[j] as number))).toBeLessThan(0.08));
  });

  it("is deterministic", () => {
    const { x, y } = synthetic(2_000, 0.3, [1, -1], 3);
    expect(fitLogisticRegression(x, y)).toEqual(fitLogisticRegression(x, y));
  });

  it("shrinks the weights monotonically as lambda grows", () => {
    const { x, y } = synthetic(3_000, -0.5, [1.2, -0.8, 0.4], 11);
    const norms = [0, 0.1, 1, 10, 100, 1_000, 10_000].map((lambda) => norm(fitLogisticRegression(x, y, { lambda }).weights));
    for (let k = 1; k < norms.length; k++) expect(norms[k]).toBeLessThan(norms[k - 1] as number);
  });

  it("never penalises the intercept: a huge lambda leaves the base rate", () => {
    const { x, y } = synthetic(4_000, -2, [1, 1], 5);
    const fit = fitLogisticRegression(x, y, { lambda: 1e9 });
    const rate = y.reduce((s, v) => s + v, 0) / y.length;
    expect(norm(fit.weights)).toBeLessThan(1e-4);
    expect(sigmoid(fit.intercept)).toBeCloseTo(rate, 4);
  });

  it("stays finite on separable data when lambda > 0", () => {
    const x = matrixFromRows([[-2], [-1], [-0.5], [0.5], [1], [2]]);
    const fit = fitLogisticRegression(x, [0, 0, 0, 1, 1, 1], { lambda: 0.1 });
    expect(fit.converged).toBe(true);
    expect(Number.isFinite(fit.weights[0])).toBe(true);
    expect(fit.weights[0]).toBeGreaterThan(1);
  });

  it("copes with exactly collinear columns at lambda 0 (full one-hot plus intercept)", () => {
    const x = matrixFromRows([[1, 0], [1, 0], [1, 0], [0, 1], [0, 1], [0, 1]]);
    const fit = fitLogisticRegression(x, [1, 0, 0, 1, 1, 0], { lambda: 0 });
    const p = predictProbabilities(fit, x);
    expect(p[0]).toBeCloseTo(1 / 3, 4);
    expect(p[3]).toBeCloseTo(2 / 3, 4);
  });

  it.each<[string, number[]]>([
    ["a single class", [1, 1, 1]],
    ["a label that is not 0/1", [0, 2, 1]],
  ])("rejects %s", (_name, y) => {
    expect(() => fitLogisticRegression(matrixFromRows([[1], [2], [3]]), y)).toThrow(RangeError);
  });

  it("reports every iteration", () => {
    const { x, y } = synthetic(1_000, 0, [1], 1);
    const seen: number[] = [];
    const fit = fitLogisticRegression(x, y, { onIteration: (p) => seen.push(p.iteration) });
    expect(seen).toEqual(Array.from({ length: fit.iterations }, (_, i) => i + 1));
  });
});

describe("sigmoid", () => {
  it.each([
    [0, 0.5],
    [800, 1],
    [-800, 0],
    [Math.log(3), 0.75],
  ])("sigmoid(%d) = %d", (z, p) => {
    expect(sigmoid(z)).toBeCloseTo(p, 12);
  });
});
