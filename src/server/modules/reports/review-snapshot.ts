import type { Tx } from "../../db/client.js";
import type { ReviewSnapshot } from "../../../shared/contracts/reviews.js";
import type { ReportFilters } from "../../../shared/contracts/reports/filters.js";
import { previousQuarter, quarterRange } from "../../../shared/domain/quarters.js";
import { outcomeReasons } from "../../reports/outcome-reasons.report.js";
import { agreementChanges } from "../../reports/agreement-changes.report.js";
import { periodOf, resolvePeriod, type ResolvedPeriod } from "../../reports/report-scope.js";

/** A report that contributes a section to the review: it runs for the quarter, and for the quarter before when it compares. */
export type ReviewSection = (tx: Tx, workspaceId: string, period: ResolvedPeriod, previous: ResolvedPeriod) => Promise<unknown>;

const ALL: ReportFilters = {};

/** Told after each part of a snapshot is built: parts done, parts in all, and the part just finished. */
export type SnapshotProgress = (done: number, total: number, label: string) => Promise<void>;

/** Builds a review's snapshot: the quarter's deal outcome reasons, agreement changes, and every registered report section. */
export function createReviewSnapshotBuilder(sections: Record<string, ReviewSection>) {
  return async function buildSnapshot(tx: Tx, workspaceId: string, quarter: string, now: Date, onProgress: SnapshotProgress = async () => {}): Promise<ReviewSnapshot> {
    const q = quarterRange(quarter);
    const p = quarterRange(previousQuarter(quarter));
    const period = await resolvePeriod(tx, workspaceId, { from: q.from, to: q.to }, now);
    const previous = await resolvePeriod(tx, workspaceId, { from: p.from, to: p.to }, now);
    const names = Object.keys(sections);
    const total = names.length + 1;
    const outcome = await outcomeReasons(tx, workspaceId, period, ALL);
    const changes = await agreementChanges(tx, workspaceId, period);
    await onProgress(1, total, "deal outcomes and agreement changes");
    const built: Record<string, unknown> = {};
    for (const [i, name] of names.entries()) {
      built[name] = await sections[name]!(tx, workspaceId, period, previous);
      await onProgress(i + 2, total, name);
    }
    return { period: periodOf(period), previousPeriod: periodOf(previous), outcomeReasons: outcome, agreementChanges: changes, sections: built };
  };
}

export type BuildReviewSnapshot = ReturnType<typeof createReviewSnapshotBuilder>;
