/**
 * The report sections of a quarterly joint review: each runs for the quarter and the quarter before, unfiltered
 * (the review is the whole revenue team's), and is stored in the snapshot under its report name.
 */
import type { Clock } from "../../platform/clock.js";
import type { ReportFilters } from "../../../shared/contracts/reports/filters.js";
import { funnelReport } from "../../reports/funnel.report.js";
import { acceptanceReport } from "../../reports/acceptance.report.js";
import { leadQualityReport } from "../../reports/lead-quality.report.js";
import { attributionReport } from "../../reports/attribution.report.js";
import { kpis } from "../../reports/kpis.report.js";
import { slaAttainment } from "../../reports/sla-attainment.report.js";
import { personaDrift } from "../../reports/persona-drift.report.js";
import { alignmentHealth } from "../../reports/alignment-health.report.js";
import { revenueByChannel } from "../../reports/revenue-by-channel.report.js";
import type { ReviewSection } from "./review-snapshot.js";

const ALL: ReportFilters = {};

/** A section with this quarter's figures and the previous quarter's, for the comparison. */
function compared(run: (...args: Parameters<ReviewSection>) => Promise<unknown>): ReviewSection {
  return async (tx, workspaceId, period, previous) => ({ current: await run(tx, workspaceId, period, previous), previous: await run(tx, workspaceId, previous, previous) });
}

/** The sections every review carries, keyed by report name. */
export function reviewSections(clock: Clock): Record<string, ReviewSection> {
  return {
    kpis: compared((tx, ws, p) => kpis(tx, ws, p, ALL, clock.now())),
    funnel: compared((tx, ws, p) => funnelReport(tx, ws, p, ALL)),
    acceptance: compared((tx, ws, p) => acceptanceReport(tx, ws, p, ALL)),
    "sla-attainment": compared((tx, ws, p) => slaAttainment(tx, ws, p, ALL, clock.now())),
    "alignment-health": compared((tx, ws, p) => alignmentHealth(tx, ws, p, ALL, clock.now())),
    "lead-quality": async (tx, ws, p) => ({ current: await leadQualityReport(tx, ws, p, { by: "campaign", model: "w_shaped" }) }),
    attribution: async (tx, ws, p) => ({ current: await attributionReport(tx, ws, p, { basis: "revenue", by: "channel" }) }),
    "revenue-by-channel": async (tx, ws, p) => ({ current: await revenueByChannel(tx, ws, p, ALL) }),
    "persona-drift": compared((tx, ws, p) => personaDrift(tx, ws, p, ALL)),
  };
}
