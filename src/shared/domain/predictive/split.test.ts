import { describe, expect, it } from "vitest";
import { createRandom } from "./random.js";
import { splitStratified } from "./split.js";

const labels = Array.from({ length: 1_000 }, (_, i) => (i % 10 < 3 ? 1 : 0)); // 300 positives

describe("splitStratified", () => {
  it("is deterministic for a seed and differs across seeds", () => {
    expect(splitStratified(labels, 0.25, 42)).toEqual(splitStratified(labels, 0.25, 42));
    expect(splitStratified(labels, 0.25, 42).test).not.toEqual(splitStratified(labels, 0.25, 43).test);
  });

  it.each([0.1, 0.25, 0.5])("holds out round(fraction × n) of each label (fraction %d)", (fraction) => {
    const { train, test } = splitStratified(labels, fraction, 7);
    const positives = (idx: number[]) => idx.filter((i) => labels[i] === 1).length;
    expect(positives(test)).toBe(Math.round(300 * fraction));
    expect(test.length - positives(test)).toBe(Math.round(700 * fraction));
    expect(train.length + test.length).toBe(1_000);
  });

  it("partitions the rows: disjoint, complete, sorted", () => {
    const { train, test } = splitStratified(labels, 0.3, 1);
    expect([...train, ...test].sort((a, b) => a - b)).toEqual(labels.map((_, i) => i));
    expect(train).toEqual([...train].sort((a, b) => a - b));
  });

  it("rejects fractions outside (0, 1)", () => {
    expect(() => splitStratified(labels, 0, 1)).toThrow(RangeError);
    expect(() => splitStratified(labels, 1, 1)).toThrow(RangeError);
  });
});

describe("createRandom", () => {
  it("repeats its sequence for a seed and stays in [0, 1)", () => {
    const a = createRandom(123);
    const b = createRandom(123);
    const draws = Array.from({ length: 10_000 }, () => a());
    expect(draws.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    expect(draws.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
