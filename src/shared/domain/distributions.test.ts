import { describe, expect, it } from "vitest";
import { sharesOf, totalVariationDistance } from "./distributions.js";

const m = (o: Record<string, number>) => new Map(Object.entries(o));

describe("total-variation distance", () => {
  it("is half the summed absolute difference of the shares", () => {
    // Shares {a: .8, b: .2} and {a: .5, b: .25, c: .25}: |.3| + |.05| + |.25| = .6 → .3.
    expect(totalVariationDistance(m({ a: 800, b: 200 }), m({ a: 2, b: 1, c: 1 }))).toBeCloseTo(0.3, 12);
    expect(totalVariationDistance(m({ a: 1 }), m({ a: 5 }))).toBe(0);
    expect(totalVariationDistance(m({ a: 1 }), m({ b: 1 }))).toBe(1);
  });
  it("is null when a mix is empty", () => {
    expect(totalVariationDistance(m({}), m({ a: 1 }))).toBeNull();
    expect(totalVariationDistance(m({ a: 0 }), m({ a: 1 }))).toBeNull();
    expect(sharesOf(m({ a: 1, b: 3 }))).toEqual(m({ a: 0.25, b: 0.75 }));
  });
});
