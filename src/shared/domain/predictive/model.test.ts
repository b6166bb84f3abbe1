import { describe, expect, it } from "vitest";
import type { RawRow } from "./feature-spec.js";
import { evaluateHoldout } from "./evaluation.js";
import { parsePredictiveModel, predictRows, scoreRow, topFeatures, trainPredictiveModel } from "./model.js";
import { createRandom, drawNormal } from "./random.js";
import { sigmoid } from "./logistic.js";

const JOBS = ["admin.", "retired", "student", "technician"];
const JOB_EFFECT: Record<string, number> = { "admin.": 0, retired: 1.5, student: 1, technician: -0.5 };

/** Contacts whose outcome depends on age (+), job and a flag; `noise` carries no signal. */
function contacts(n: number, seed: number): { rows: RawRow[]; labels: number[] } {
  const random = createRandom(seed);
  const rows: RawRow[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const age = 40 + 10 * drawNormal(random);
    const job = JOBS[Math.floor(random() * JOBS.length)] ?? "admin.";
    const member = random() < 0.5;
    const noise = drawNormal(random);
    const z = -2 + 0.08 * (age - 40) + (JOB_EFFECT[job] ?? 0) + (member ? 1 : 0);
    rows.push({ age: age.toFixed(1), job, member: member ? "yes" : "no", noise });
    labels.push(random() < sigmoid(z) ? 1 : 0);
  }
  return { rows, labels };
}

const columns = [
  { name: "age", kind: "numeric" as const },
  { name: "job", kind: "categorical" as const },
  { name: "member", kind: "boolean" as const },
  { name: "noise", kind: "numeric" as const },
];

describe("predictive model", () => {
  const { rows, labels } = contacts(5_000, 9);
  const { model, summary } = trainPredictiveModel(rows, labels, { columns, lambda: 1 });

  it("trains to convergence with one feature per number/flag and per category", () => {
    expect(summary).toMatchObject({ converged: true, features: 3 + JOBS.length });
  });

  it("recovers the generating effects (categories relative to each other) and ranks noise last", () => {
    const ranked = topFeatures(model, 10);
    const weight = (name: string) => ranked.find((f) => f.feature === name)?.coefficient ?? Number.NaN;
    expect(ranked.map((f) => f.feature).at(-1)).toBe("noise");
    expect(weight("age")).toBeCloseTo(0.8, 0); // 0.08 per year × 10 years per standard deviation
    expect(weight("member")).toBeCloseTo(1, 0);
    expect(weight("job=retired") - weight("job=admin.")).toBeCloseTo(1.5, 0);
    expect(ranked.every((f, k) => k === 0 || Math.abs(f.coefficient) <= Math.abs(ranked[k - 1]?.coefficient ?? 0))).toBe(true);
    expect(topFeatures(model, 3)).toHaveLength(3);
  });

  it("explains a score: contributions add up to the log-odds, strongest first, inactive categories absent", () => {
    const row = { age: "65", job: "student", member: "yes", noise: 0 };
    const score = scoreRow(model, row, 100);
    const sum = model.intercept + score.contributions.reduce((s, c) => s + c.contribution, 0);
    expect(sum).toBeCloseTo(score.logOdds, 10);
    expect(score.probability).toBeCloseTo(sigmoid(score.logOdds), 12);
    expect(score.contributions.slice(0, 3).map((c) => c.feature)).toEqual(["age", "member", "job=student"]);
    expect(score.contributions.filter((c) => c.column === "job")).toHaveLength(1);
    expect(score.contributions[0]).toMatchObject({ column: "age" });
    expect(scoreRow(model, row, 1).contributions).toHaveLength(1);
    expect(scoreRow(model, { ...row, age: "20", job: "technician" }, 2).contributions.map((c) => [c.feature, Math.sign(c.contribution)])).toEqual([
      ["age", -1],
      ["job=technician", -1],
    ]);
  });

  it("survives a JSON round trip and rejects a model whose weights do not fit its spec", () => {
    const stored = JSON.parse(JSON.stringify(model)) as unknown;
    const again = parsePredictiveModel(stored);
    expect(predictRows(again, rows.slice(0, 50))).toEqual(predictRows(model, rows.slice(0, 50)));
    expect(() => parsePredictiveModel({ ...model, weights: [1] })).toThrow(/weights do not match/);
  });

  it("evaluates on a held-out split: sizes, high AUC, calibrated", () => {
    const report = evaluateHoldout(rows, labels, { columns, testFraction: 0.2, seed: 1 });
    expect(report.train.rows + report.test.rows).toBe(5_000);
    expect(report.test.rows).toBeCloseTo(1_000, -1);
    expect(Math.abs(report.train.positiveRate - report.test.positiveRate)).toBeLessThan(0.001);
    expect(report.metrics.auc).toBeGreaterThan(0.7);
    expect(report.metrics.brier).toBeLessThan(0.25);
    const meanPredicted = report.metrics.calibration.reduce((s, b) => s + (b.meanPredicted ?? 0) * b.count, 0) / report.test.rows;
    expect(meanPredicted).toBeCloseTo(report.test.positiveRate, 1);
    expect(evaluateHoldout(rows, labels, { columns, testFraction: 0.2, seed: 1 }).metrics).toEqual(report.metrics);
  });
});
