/** Route-sweep cases: deal close interviews, win/loss analysis, SDR team and commission (issue 8). */
import { OPEN, type Case } from "./case.js";

export const WINLOSS_CASES: Record<string, Case> = {
  "PUT /api/v1/deals/:id/interview": {
    happy: (a) => ({ url: `/api/v1/deals/${a.closedDealId}/interview`, body: { decisionCriteria: "SSO", decidedBy: "CFO", why: "Rollout speed" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.closedDealId}/interview`, body: { decidedBy: "x".repeat(201) }, field: "body.decidedBy" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.closedDealId}/interview`, body: { why: "x" } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.closedDealId}/interview`, body: { why: "x" }, as: "marketing" }),
  },
  "GET /api/v1/reports/win-loss": {
    happy: () => ({ url: "/api/v1/reports/win-loss?from=2026-01-01&to=2026-03-31&by=competitor&grain=quarter", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/win-loss?by=colour", field: "query.by" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/win-loss?campaignId=${b.campaignId}` }),
    denied: OPEN,
  },
  "GET /api/v1/reports/win-loss/records": {
    happy: () => ({ url: "/api/v1/reports/win-loss/records?by=competitor&key=Stackline&outcome=won", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/win-loss/records?period=2026-13x", field: "query.period" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/win-loss/records?repId=${b.users.sales.userId}` }),
    denied: OPEN,
  },
};
