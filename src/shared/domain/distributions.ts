/** Comparing two mixes (weights per category), as persona drift does (DESIGN §6.5). */

/** Shares of each category in a mix of non-negative weights; empty when the weights sum to 0. */
export function sharesOf(weights: ReadonlyMap<string, number>): Map<string, number> {
  const total = [...weights.values()].reduce((s, w) => s + w, 0);
  return total > 0 ? new Map([...weights].map(([k, w]) => [k, w / total])) : new Map();
}

/** Total-variation distance ½ Σ |p − q| over the union of categories (0 same mix, 1 disjoint); null when either mix is empty. */
export function totalVariationDistance(p: ReadonlyMap<string, number>, q: ReadonlyMap<string, number>): number | null {
  const a = sharesOf(p);
  const b = sharesOf(q);
  if (a.size === 0 || b.size === 0) return null;
  let sum = 0;
  for (const k of new Set([...a.keys(), ...b.keys()])) sum += Math.abs((a.get(k) ?? 0) - (b.get(k) ?? 0));
  return sum / 2;
}
