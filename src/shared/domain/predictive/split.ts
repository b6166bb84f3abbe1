import { createRandom, shuffleInPlace } from "./random.js";

/** Row indices of a train/test split, each sorted ascending. */
export type TrainTestSplit = { train: number[]; test: number[] };

/** Deterministic stratified split: round(testFraction × count) rows of every label go to test. */
export function splitStratified(labels: ArrayLike<number>, testFraction: number, seed: number): TrainTestSplit {
  if (!(testFraction > 0 && testFraction < 1)) throw new RangeError("testFraction must be between 0 and 1 (exclusive)");
  const groups = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] as number;
    const group = groups.get(label);
    if (group) group.push(i);
    else groups.set(label, [i]);
  }
  const random = createRandom(seed);
  const train: number[] = [];
  const test: number[] = [];
  // Groups are visited in label order so the random stream does not depend on which label comes first.
  for (const label of [...groups.keys()].sort((a, b) => a - b)) {
    const indices = shuffleInPlace(groups.get(label) ?? [], random);
    const testCount = Math.round(testFraction * indices.length);
    indices.forEach((row, k) => (k < testCount ? test : train).push(row));
  }
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b) };
}
