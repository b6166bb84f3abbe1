/**
 * Multi-touch attribution (DESIGN §6.5): the weight each of six models gives each of a deal's eligible touches.
 * Which touches are eligible (deal contacts, else account contacts; marketing only; the lookback window) is decided
 * by the caller — see docs/REPORTS.md, "Attribution". Here the touches arrive already ordered by time, then id.
 */

/** The six models, in the order reports show them. */
export const ATTRIBUTION_MODELS = ["first", "last", "linear", "uShaped", "wShaped", "timeDecay"] as const;
export type AttributionModel = (typeof ATTRIBUTION_MODELS)[number];

/** Conversion bases: pipeline (converts at deal creation, every deal) and revenue (at close, won deals only). */
export const ATTRIBUTION_BASES = ["pipeline", "revenue"] as const;
export type AttributionBasisName = (typeof ATTRIBUTION_BASES)[number];

/** Eligible touches look back this far from the conversion point: 365 × 24 hours, both ends included. */
export const LOOKBACK_MS = 365 * 86_400_000;
/** Time-decay half-life: 7 × 24 hours. */
export const HALF_LIFE_MS = 7 * 86_400_000;

/** One weight per touch (same order as the touches) for each model. */
export type AttributionWeights = Record<AttributionModel, number[]>;

const MIDDLE_OF = (n: number) => Math.floor(n / 2);

/**
 * The W-shaped model's middle anchor, 0-based: the last touch at or before `mqlAt`; when there is none (no
 * `mqlAt`, or every touch came later) or it is the first or last touch, the touch at index ⌊n/2⌋ instead.
 * Only meaningful for n ≥ 4 (for n ≤ 3 W-shaped weighs every touch equally).
 */
export function wShapedMqlIndex(times: readonly number[], mqlAt: number | null): number {
  const n = times.length;
  let m = -1;
  if (mqlAt !== null) for (let i = 0; i < n && times[i]! <= mqlAt; i++) m = i;
  return m <= 0 || m >= n - 1 ? MIDDLE_OF(n) : m;
}

/**
 * The weights of all six models for touches at `times` (milliseconds, ascending; ties already broken by id),
 * converting at `convertedAt`, whose primary contact became an MQL at `mqlAt` (or never). Every model's weights
 * are ≥ 0 and sum to 1 when there is at least one touch; with none every list is empty (the deal is unattributed).
 */
export function attributionWeights(times: readonly number[], convertedAt: number, mqlAt: number | null): AttributionWeights {
  const n = times.length;
  const fill = (v: number) => new Array<number>(n).fill(v);
  if (n === 0) return { first: [], last: [], linear: [], uShaped: [], wShaped: [], timeDecay: [] };

  const first = fill(0);
  first[0] = 1;
  const last = fill(0);
  last[n - 1] = 1;
  const linear = fill(1 / n);

  let uShaped: number[];
  if (n <= 2) uShaped = fill(1 / n);
  else {
    uShaped = fill(0.2 / (n - 2));
    uShaped[0] = 0.4;
    uShaped[n - 1] = 0.4;
  }

  let wShaped: number[];
  if (n <= 3) wShaped = fill(1 / n);
  else {
    wShaped = fill(0.1 / (n - 3));
    wShaped[0] = 0.3;
    wShaped[wShapedMqlIndex(times, mqlAt)] = 0.3;
    wShaped[n - 1] = 0.3;
  }

  // 2^(−(T − t)/H) normalised. Exponents are taken relative to the largest (the newest touch's), which changes
  // nothing after normalising and keeps the sum ≥ 1, so it never underflows however old the touches are.
  const exponents = times.map((t) => -(convertedAt - t) / HALF_LIFE_MS);
  const top = exponents.reduce((a, b) => (b > a ? b : a), -Infinity);
  const raw = exponents.map((e) => 2 ** (e - top));
  const total = raw.reduce((s, x) => s + x, 0);
  const timeDecay = raw.map((x) => x / total);

  return { first, last, linear, uShaped, wShaped, timeDecay };
}
