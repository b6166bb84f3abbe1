import { previousQuarter, quarterOf } from "../../../../shared/domain/quarters.js";

/** `2026-Q3` → `Q3 2026`. */
export function quarterLabel(quarter: string): string {
  const [year, q] = quarter.split("-");
  return `${q} ${year}`;
}

/** The quarters a review may be generated for: the current one (it has started) and the `count - 1` before it, newest first. */
export function startedQuarters(today: string, count = 8): string[] {
  const out = [quarterOf(today)];
  while (out.length < count) out.push(previousQuarter(out[out.length - 1]!));
  return out;
}

/** The last quarter that has ended before `today` (the one a review is usually held for). */
export function lastFinishedQuarter(today: string): string {
  return previousQuarter(quarterOf(today));
}
