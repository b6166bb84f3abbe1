/** Route-sweep cases: the predictive model. */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

export const PREDICTIVE_CASES: Record<string, Case> = {
  "POST /api/v1/predictive/models": {
    // The fixture has no closed-loop outcomes, so a manager's request is refused with 409 naming the counts; the 202
    // path (a job that trains, activates and scores) is tested in predictive.routes.test.ts.
    happy: () => ({ url: "/api/v1/predictive/models", as: "manager", status: 409 }),
    invalid: () => ({ url: "/api/v1/predictive/models", body: { lambda: -1 }, field: "body.lambda" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/predictive/models", as: "sales" }),
  },
  "GET /api/v1/predictive/models": {
    happy: () => ({ url: "/api/v1/predictive/models?limit=10", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/predictive/models?limit=0", field: "query.limit" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/predictive/models", as: "sdr" }),
  },
  "GET /api/v1/predictive/models/active": {
    happy: () => ({ url: "/api/v1/predictive/models/active", as: "sales", status: 200 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/predictive/models/active", as: "sdr" }),
  },
  "GET /api/v1/contacts/:id/predictive": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/predictive`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/predictive", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/predictive` }),
    denied: OPEN,
  },
};
