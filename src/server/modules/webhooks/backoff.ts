const S = 1_000;
const M = 60 * S;
const H = 60 * M;

/** Wait after the n-th failed attempt (index n − 1); after the last one the delivery fails. Eight attempts over ~28 h. */
export const RETRY_DELAYS_MS = [5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H] as const;

/** Attempts a delivery gets before it is marked failed. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed attempts, or null when the delivery has had all of them. */
export function nextRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const delay = RETRY_DELAYS_MS[Math.max(0, attempts - 1)]!;
  return new Date(now.getTime() + delay);
}
