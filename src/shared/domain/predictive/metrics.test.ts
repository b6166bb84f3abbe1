import { describe, expect, it } from "vitest";
import { accuracy, brierScore, calibrationTable, evaluateClassifier, logLoss, rocAuc } from "./metrics.js";

describe("rocAuc", () => {
  it.each<[string, number[], number[], number]>([
    ["one inverted pair", [0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], 0.75],
    ["perfect", [0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1], 1],
    ["inverted", [0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1], 0],
    ["all tied", [0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1], 0.5],
    ["a positive tied with a negative counts one half", [0.2, 0.5, 0.5, 0.9], [0, 0, 1, 1], 0.875],
    ["ties within one class do not matter", [0.3, 0.3, 0.7, 0.7], [0, 0, 1, 1], 1],
    ["unsorted input, 2 positives × 3 negatives", [0.6, 0.1, 0.4, 0.3, 0.5], [1, 0, 1, 0, 0], 5 / 6],
  ])("%s", (_name, scores, labels, expected) => {
    expect(rocAuc(scores, labels)).toBeCloseTo(expected, 12);
  });

  it("is NaN when one class is missing", () => {
    expect(rocAuc([0.2, 0.4], [1, 1])).toBeNaN();
  });

  it("rejects mismatched lengths", () => {
    expect(() => rocAuc([0.1], [0, 1])).toThrow(RangeError);
  });
});

describe("point metrics", () => {
  it.each<[string, (p: number[], y: number[]) => number, number[], number[], number]>([
    ["brier", brierScore, [0.2, 0.7], [0, 1], (0.04 + 0.09) / 2],
    ["brier of perfect predictions", brierScore, [0, 1], [0, 1], 0],
    ["log loss of a coin flip", logLoss, [0.5], [1], Math.LN2],
    ["log loss", logLoss, [0.8, 0.4], [1, 0], -(Math.log(0.8) + Math.log(0.6)) / 2],
    ["log loss clips certainty", logLoss, [0], [1], -Math.log(1e-15)],
    ["accuracy at 0.5 (0.5 counts as positive)", accuracy, [0.5, 0.49, 0.9, 0.1], [1, 1, 0, 0], 0.5],
  ])("%s", (_name, metric, p, y, expected) => {
    expect(metric(p, y)).toBeCloseTo(expected, 12);
  });
});

describe("calibrationTable", () => {
  it("bins by predicted probability, the last bin holding 1.0, empty bins null", () => {
    const table = calibrationTable([0.05, 0.05, 0.15, 0.95, 1.0], [0, 1, 0, 1, 1]);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ lower: 0, upper: 0.1, count: 2, meanPredicted: 0.05, observedRate: 0.5 });
    expect(table[1]).toMatchObject({ count: 1, observedRate: 0 });
    expect(table[1]?.meanPredicted).toBeCloseTo(0.15, 12);
    expect(table[5]).toMatchObject({ count: 0, meanPredicted: null, observedRate: null });
    expect(table[9]).toMatchObject({ count: 2, observedRate: 1 });
    expect(table[9]?.meanPredicted).toBeCloseTo(0.975, 12);
    expect(table.reduce((n, b) => n + b.count, 0)).toBe(5);
  });

  it("evaluateClassifier bundles every metric", () => {
    const m = evaluateClassifier([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(m.auc).toBeCloseTo(0.75, 12);
    expect(m.accuracy).toBe(0.75);
    expect(m.calibration).toHaveLength(10);
  });
});
