/** Route-sweep cases: the revenue and alignment reports (KPIs, SLA attainment, persona drift, decision-maker coverage, revenue by channel, health). */
import { type Case, OPEN } from "./case.js";

const P = "from=2026-01-01&to=2026-03-31";

/** A report and its drill-down: every member reads; a bad period is a 400; another workspace's filter id is a 404. */
function reportCases(name: string, drill: string, badDrill: { query: string; field: string }): Record<string, Case> {
  return {
    [`GET /api/v1/reports/${name}`]: {
      happy: () => ({ url: `/api/v1/reports/${name}?${P}`, as: "sdr", status: 200 }),
      invalid: () => ({ url: `/api/v1/reports/${name}?from=2026-13-01`, field: "query.from" }),
      crossTenant: (_a, b) => ({ url: `/api/v1/reports/${name}?${P}&campaignId=${b.campaignId}` }),
      denied: OPEN,
    },
    [`GET /api/v1/reports/${name}/records`]: {
      happy: () => ({ url: `/api/v1/reports/${name}/records?${P}&${drill}`, as: "marketing", status: 200 }),
      invalid: () => ({ url: `/api/v1/reports/${name}/records?${P}&${badDrill.query}`, field: badDrill.field }),
      crossTenant: (_a, b) => ({ url: `/api/v1/reports/${name}/records?${P}&${drill}&teamId=${b.teamId}` }),
      denied: OPEN,
    },
  };
}

export const REPORTS_ALIGNMENT_CASES: Record<string, Case> = {
  ...reportCases("kpis", "set=won", { query: "set=everything", field: "query.set" }),
  ...reportCases("persona-drift", "mix=buyers&persona=CTO", { query: "mix=everyone&persona=CTO", field: "query.mix" }),
  ...reportCases("decision-maker-coverage", "coverage=uncovered&persona=CTO", { query: "coverage=some", field: "query.coverage" }),
  ...reportCases("revenue-by-channel", "channelKey=partner&measure=revenue", { query: "channelKey=partner&measure=profit", field: "query.measure" }),
  ...reportCases("alignment-health", "part=closed_loop&reasonRecorded=false", { query: "part=everything", field: "query.part" }),
  ...reportCases("sla-attainment", "side=sales&outcome=breached", { query: "side=both", field: "query.side" }),
};
