/** Route-sweep cases: the SDR scoreboard and each SDR's passed leads (issue 8, part 3). */
import type { Case } from "./case.js";

export const SDR_CASES: Record<string, Case> = {
  "GET /api/v1/sdr-scoreboard": {
    happy: (a) => ({ url: `/api/v1/sdr-scoreboard?from=2026-01&to=2026-03&podId=${a.podId}`, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/sdr-scoreboard?from=2026-01&to=2026-13", field: "query.to" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/sdr-scoreboard?from=2026-01&to=2026-03&podId=${b.podId}` }),
    denied: () => ({ url: "/api/v1/sdr-scoreboard?from=2026-01&to=2026-03", as: "sales" }),
  },
  "GET /api/v1/sdr-leads": {
    happy: () => ({ url: "/api/v1/sdr-leads?from=2026-01&to=2026-03&status=rejected", as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/sdr-leads?from=2026-01&to=2026-03&sdrId=${a.users.sdr.userId}&status=maybe`, field: "query.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/sdr-leads?from=2026-01&to=2026-03&sdrId=${b.users.sdr.userId}`, as: "manager" }),
    // An SDR asking for another SDR's leads.
    denied: (a) => ({ url: `/api/v1/sdr-leads?from=2026-01&to=2026-03&sdrId=${a.spareSdrId}`, as: "sdr" }),
  },
};
