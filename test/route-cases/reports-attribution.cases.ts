/** Route-sweep cases: the attribution report, its drill-down and one deal's attribution. */
import { type Case, OPEN } from "./case.js";

const P = "from=2026-01-01&to=2026-03-31";

export const REPORTS_ATTRIBUTION_CASES: Record<string, Case> = {
  "GET /api/v1/reports/attribution": {
    happy: (a) => ({ url: `/api/v1/reports/attribution?basis=revenue&by=channel&${P}&teamId=${a.teamId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/attribution?basis=bookings", field: "query.basis" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/attribution?${P}&campaignId=${b.campaignId}` }),
    denied: OPEN,
  },
  "GET /api/v1/reports/attribution/records": {
    happy: (a) => ({ url: `/api/v1/reports/attribution/records?basis=pipeline&by=campaign&key=${a.campaignId}&${P}&repId=${a.users.sales.userId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/attribution/records?by=channel&key=carrier-pigeon", field: "query.key" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/attribution/records?by=campaign&key=unattributed&${P}&repId=${b.users.sales.userId}` }),
    denied: OPEN,
  },
  "GET /api/v1/reports/attribution/deals/:id": {
    happy: (a) => ({ url: `/api/v1/reports/attribution/deals/${a.dealId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/attribution/deals/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/attribution/deals/${b.dealId}` }),
    denied: OPEN,
  },
};
