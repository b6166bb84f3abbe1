/**
 * Customer references: size bands, the calendar quarter in the workspace's zone, and availability against the
 * per-quarter cap (docs/ENABLEMENT.md, "Customer references").
 */
import { localDateOf, startOfLocalDay } from "./business-time.js";
import type { ReferenceSize } from "./content.js";
import { quarterOf, quarterRange } from "./quarters.js";

/** The size band of an account by head count: under 200 SMB, under 2,000 mid-market, enterprise above. */
export function referenceSizeOf(employees: number | null | undefined): ReferenceSize | null {
  if (employees === null || employees === undefined) return null;
  return employees < 200 ? "smb" : employees < 2000 ? "mid_market" : "enterprise";
}

export type LocalQuarter = { quarter: string; start: Date; end: Date; nextStartsOn: string };

/** The calendar quarter (`2026-Q3`) `at` falls in *in `zone`*, with the instants bounding it (end exclusive). */
export function localQuarter(zone: string, at: Date): LocalQuarter {
  const quarter = quarterOf(localDateOf(zone, at.getTime()));
  const { from, to } = quarterRange(quarter);
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return { quarter, start: new Date(startOfLocalDay(zone, from)), end: new Date(startOfLocalDay(zone, next)), nextStartsOn: next };
}

export type Availability = { quarter: string; cap: number; used: number; remaining: number; available: boolean; nextAvailableOn: string | null };

/**
 * A reference's availability this quarter: approved uses (counted in the quarter they were approved) against its
 * cap. At the cap it is unavailable until the next quarter starts; an inactive reference is never available.
 */
export function availabilityOf(q: Pick<LocalQuarter, "quarter" | "nextStartsOn">, cap: number, used: number, active = true): Availability {
  const remaining = Math.max(0, cap - used);
  const available = active && remaining > 0;
  return { quarter: q.quarter, cap, used, remaining, available, nextAvailableOn: active && remaining === 0 ? q.nextStartsOn : null };
}
