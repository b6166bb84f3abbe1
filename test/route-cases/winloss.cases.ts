/** Route-sweep cases: deal close interviews, win/loss analysis, SDR team and commission (issue 8). */
import type { Case } from "./case.js";

export const WINLOSS_CASES: Record<string, Case> = {
  "PUT /api/v1/deals/:id/interview": {
    happy: (a) => ({ url: `/api/v1/deals/${a.closedDealId}/interview`, body: { decisionCriteria: "SSO", decidedBy: "CFO", why: "Rollout speed" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.closedDealId}/interview`, body: { decidedBy: "x".repeat(201) }, field: "body.decidedBy" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.closedDealId}/interview`, body: { why: "x" } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.closedDealId}/interview`, body: { why: "x" }, as: "marketing" }),
  },
};
