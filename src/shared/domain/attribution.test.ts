import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { ATTRIBUTION_MODELS, HALF_LIFE_MS, attributionWeights, wShapedMqlIndex, type AttributionWeights } from "./attribution.js";

const DAY = 86_400_000;
const T = Date.parse("2026-03-01T12:00:00Z");
/** Touch times `d` days before the conversion point T. */
const before = (...d: number[]) => d.map((x) => T - x * DAY);

function expectWeights(actual: AttributionWeights, expected: AttributionWeights) {
  for (const m of ATTRIBUTION_MODELS) {
    expect(actual[m], m).toHaveLength(expected[m].length);
    expected[m].forEach((w, i) => expect(actual[m][i], `${m}[${i}]`).toBeCloseTo(w, 12));
  }
}

describe("attribution weights, worked by hand", () => {
  it("n = 0: every model is empty (the deal is unattributed)", () => {
    expectWeights(attributionWeights([], T, null), { first: [], last: [], linear: [], uShaped: [], wShaped: [], timeDecay: [] });
  });

  it("n = 1: the one touch gets everything under every model", () => {
    expectWeights(attributionWeights(before(7), T, null), { first: [1], last: [1], linear: [1], uShaped: [1], wShaped: [1], timeDecay: [1] });
  });

  it("n = 2: U and W split ½ ½; time-decay 2^-2 : 2^-1 = 1 : 2 → ⅓, ⅔", () => {
    expectWeights(attributionWeights(before(14, 7), T, null), {
      first: [1, 0], last: [0, 1], linear: [0.5, 0.5], uShaped: [0.5, 0.5], wShaped: [0.5, 0.5], timeDecay: [1 / 3, 2 / 3],
    });
  });

  it("n = 3: U 0.4/0.2/0.4, W equal thirds; time-decay ¼ : ½ : 1 (sum 1.75) → 1/7, 2/7, 4/7", () => {
    expectWeights(attributionWeights(before(14, 7, 0), T, before(7)[0]!), {
      first: [1, 0, 0], last: [0, 0, 1], linear: [1 / 3, 1 / 3, 1 / 3], uShaped: [0.4, 0.2, 0.4], wShaped: [1 / 3, 1 / 3, 1 / 3], timeDecay: [1 / 7, 2 / 7, 4 / 7],
    });
  });

  it("n = 4: U 0.4/0.1/0.1/0.4; W anchors the touch at mql_at exactly (index 1); time-decay ⅛ : ¼ : ½ : 1 → 1/15 … 8/15", () => {
    expectWeights(attributionWeights(before(21, 14, 7, 0), T, before(14)[0]!), {
      first: [1, 0, 0, 0], last: [0, 0, 0, 1], linear: [0.25, 0.25, 0.25, 0.25], uShaped: [0.4, 0.1, 0.1, 0.4],
      wShaped: [0.3, 0.3, 0.1, 0.3], timeDecay: [1 / 15, 2 / 15, 4 / 15, 8 / 15],
    });
  });

  it("n = 5: U gives the middle three 0.2/3 each; W's MQL touch is the last one before mql_at (day −14 for mql_at day −10), the other two 0.05", () => {
    expectWeights(attributionWeights(before(28, 21, 14, 7, 0), T, before(10)[0]!), {
      first: [1, 0, 0, 0, 0], last: [0, 0, 0, 0, 1], linear: [0.2, 0.2, 0.2, 0.2, 0.2], uShaped: [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4],
      wShaped: [0.3, 0.05, 0.3, 0.05, 0.3], timeDecay: [1 / 31, 2 / 31, 4 / 31, 8 / 31, 16 / 31],
    });
  });

  it("time-decay halves every 7 days before the conversion point, wherever T lies (normalised)", () => {
    // One touch 7 days before T, one at T: 0.5 : 1 → ⅓, ⅔. Moving T later by a year changes nothing.
    expect(attributionWeights(before(7, 0), T, null).timeDecay).toEqual([1 / 3, 2 / 3]);
    expect(attributionWeights(before(7, 0), T + 365 * DAY, null).timeDecay.map((w) => +w.toFixed(12))).toEqual([+(1 / 3).toFixed(12), +(2 / 3).toFixed(12)]);
    expect(HALF_LIFE_MS).toBe(7 * DAY);
  });
});

describe("W-shaped MQL touch and its fallbacks (0-based index ⌊n/2⌋)", () => {
  // Six touches, days −50 −40 −30 −20 −10 0; the rest (three touches) share 0.1 → 1/30 each.
  const six = before(50, 40, 30, 20, 10, 0);
  const rest = 0.1 / 3;

  it("anchors the last touch at or before mql_at", () => {
    expect(wShapedMqlIndex(six, before(35)[0]!)).toBe(1);
    expect(wShapedMqlIndex(six, before(20)[0]!)).toBe(3);
    expect(attributionWeights(six, T, before(35)[0]!).wShaped).toEqual([0.3, 0.3, rest, rest, rest, 0.3]);
  });

  it("without mql_at, the middle touch ⌊6/2⌋ = index 3 (the fourth)", () => {
    expect(wShapedMqlIndex(six, null)).toBe(3);
    expect(attributionWeights(six, T, null).wShaped).toEqual([0.3, rest, rest, 0.3, rest, 0.3]);
  });

  it("mql_at before every touch is missing too → the middle", () => {
    expect(wShapedMqlIndex(six, before(60)[0]!)).toBe(3);
  });

  it("an MQL touch that is the first (mql_at on the first touch) or the last (mql_at after the last) → the middle", () => {
    expect(wShapedMqlIndex(six, before(50)[0]!)).toBe(3);
    expect(wShapedMqlIndex(six, before(45)[0]!)).toBe(3);
    expect(wShapedMqlIndex(six, T)).toBe(3);
    expect(wShapedMqlIndex(six, T + DAY)).toBe(3);
  });

  it("n = 4 and n = 5 fall back to index 2 (the third touch)", () => {
    expect(attributionWeights(before(21, 14, 7, 0), T, null).wShaped).toEqual([0.3, 0.1, 0.3, 0.3]);
    expect(attributionWeights(before(28, 21, 14, 7, 0), T, null).wShaped).toEqual([0.3, 0.05, 0.3, 0.05, 0.3]);
  });

  it("touches at the same instant as mql_at: the later one in the (time, id) order is the MQL touch", () => {
    const tied = [T - 30 * DAY, T - 20 * DAY, T - 20 * DAY, T - 20 * DAY, T];
    expect(wShapedMqlIndex(tied, T - 20 * DAY)).toBe(3);
  });
});

describe("attribution weights, properties", () => {
  const touchSet = fc
    .record({
      // Up to 80 touches anywhere in the 30 years before T (underflow would show here), ties allowed.
      offsets: fc.array(fc.integer({ min: 0, max: 30 * 365 * DAY }), { maxLength: 80 }),
      mql: fc.option(fc.integer({ min: -31 * 365 * DAY, max: DAY }), { nil: null }),
    })
    .map(({ offsets, mql }) => ({ times: offsets.map((o) => T - o).sort((a, b) => a - b), mqlAt: mql === null ? null : T + mql }));

  it("every model's weights are ≥ 0 and sum to 1 per deal (|Σ − 1| < 1e-9); one weight per touch", () => {
    fc.assert(
      fc.property(touchSet, ({ times, mqlAt }) => {
        const w = attributionWeights(times, T, mqlAt);
        for (const m of ATTRIBUTION_MODELS) {
          expect(w[m]).toHaveLength(times.length);
          expect(w[m].every((x) => x >= 0 && Number.isFinite(x))).toBe(true);
          if (times.length > 0) expect(Math.abs(w[m].reduce((s, x) => s + x, 0) - 1)).toBeLessThan(1e-9);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("W-shaped gives exactly three touches 0.3 from n = 4 on, the MQL anchor never first or last", () => {
    fc.assert(
      fc.property(touchSet.filter((s) => s.times.length >= 4), ({ times, mqlAt }) => {
        const m = wShapedMqlIndex(times, mqlAt);
        expect(m).toBeGreaterThan(0);
        expect(m).toBeLessThan(times.length - 1);
        expect(attributionWeights(times, T, mqlAt).wShaped.filter((x) => x === 0.3)).toHaveLength(3);
      }),
    );
  });

  it("time-decay keeps the ratio 2^((t_i − t_j)/7 days) between touches", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 * DAY }), fc.integer({ min: 0, max: 60 * DAY }), (a, b) => {
        const times = [T - Math.max(a, b), T - Math.min(a, b)];
        const [older, newer] = attributionWeights(times, T, null).timeDecay as [number, number];
        expect(older / newer).toBeCloseTo(2 ** (-(Math.abs(a - b)) / HALF_LIFE_MS), 12);
      }),
    );
  });
});
