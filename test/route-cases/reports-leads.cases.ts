/** Route-sweep cases: the lead-side reports (funnel, velocity, acceptance, lead quality) and their drill-downs. */
import { type Case, OPEN } from "./case.js";

const P = "from=2026-01-01&to=2026-03-31";

/** A report and its records endpoint: any member reads; a bad field is a 400; another workspace's id as a filter is a 404. */
function reportCases(name: string, records: string, invalid: { query: string; field: string }): Record<string, Case> {
  return {
    [`GET /api/v1/reports/${name}`]: {
      happy: (a) => ({ url: `/api/v1/reports/${name}?${P}&teamId=${a.teamId}`, as: "sdr", status: 200 }),
      invalid: () => ({ url: `/api/v1/reports/${name}?from=2026-13-01`, field: "query.from" }),
      crossTenant: (_a, b) => ({ url: `/api/v1/reports/${name}?${P}&campaignId=${b.campaignId}` }),
      denied: OPEN,
    },
    [`GET /api/v1/reports/${name}/records`]: {
      happy: (a) => ({ url: `/api/v1/reports/${name}/records?${P}&${records}&repId=${a.users.sales.userId}`, as: "marketing", status: 200 }),
      invalid: () => ({ url: `/api/v1/reports/${name}/records?${invalid.query}`, field: invalid.field }),
      crossTenant: (_a, b) => ({ url: `/api/v1/reports/${name}/records?${P}&${records}&repId=${b.users.sales.userId}` }),
      denied: OPEN,
    },
  };
}

export const REPORTS_LEADS_CASES: Record<string, Case> = {
  ...reportCases("funnel", "stage=mql&cohort=2026-01&converted=true", { query: "stage=lead&cohort=2026-1", field: "query.cohort" }),
  ...reportCases("velocity", "stage=sal&cohort=2026-02", { query: "stage=won", field: "query.stage" }),
  ...reportCases("acceptance", "outcome=rejected", { query: "reasonKind=loss", field: "query.reasonKind" }),
  ...reportCases("lead-quality", "by=source&key=inbound&records=deals", { query: "key=none&records=contacts", field: "query.records" }),
};
