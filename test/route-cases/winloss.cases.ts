/** Route-sweep cases: deal close interviews, win/loss analysis, SDR team and commission (issue 8). */
import { NO_ID, NO_INPUT, OPEN, type Case } from "./case.js";

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
  "GET /api/v1/comp-plans": {
    happy: () => ({ url: "/api/v1/comp-plans", as: "sdr", status: 200 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/comp-plans": {
    happy: () => ({ url: "/api/v1/comp-plans", body: { name: "Revenue share", kind: "revenue_share", ratePercent: 5, clawbackDays: 90 }, as: "manager", status: 201 }),
    invalid: () => ({ url: "/api/v1/comp-plans", body: { name: "Half", kind: "per_meeting" }, field: "body.amountPerMeeting" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/comp-plans", body: { name: "Mine", kind: "per_meeting", amountPerMeeting: 1 }, as: "sales" }),
  },
  "PATCH /api/v1/comp-plans/:id": {
    happy: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}`, body: { amountPerMeeting: 60 }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}`, body: { ratePercent: 500 }, field: "body.ratePercent" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/comp-plans/${b.compPlanId}`, body: { amountPerMeeting: 1 } }),
    denied: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}`, body: { amountPerMeeting: 1 }, as: "sdr" }),
  },
  "DELETE /api/v1/comp-plans/:id": {
    happy: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/comp-plans/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/comp-plans/${b.compPlanId}` }),
    denied: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}`, as: "sales" }),
  },
  "PUT /api/v1/comp-plans/:id/reps": {
    happy: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}/reps`, body: { userIds: [a.users.sdr.userId, a.spareSdrId] }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}/reps`, body: { userIds: ["nope"] }, field: "body.userIds" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/comp-plans/${b.compPlanId}/reps`, body: { userIds: [] } }),
    denied: (a) => ({ url: `/api/v1/comp-plans/${a.compPlanId}/reps`, body: { userIds: [] }, as: "sdr" }),
  },
  "GET /api/v1/comp-statements": {
    happy: () => ({ url: "/api/v1/comp-statements?month=2026-01", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/comp-statements?month=2026-13", field: "query.month" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/comp-statements?month=2026-01&userId=${b.users.sdr.userId}` }),
    denied: (a) => ({ url: `/api/v1/comp-statements?month=2026-01&userId=${a.users.sales.userId}`, as: "sdr" }),
  },
  "GET /api/v1/comp-statements/:userId/:month": {
    happy: (a) => ({ url: `/api/v1/comp-statements/${a.users.sdr.userId}/2026-01`, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/comp-statements/${a.users.sdr.userId}/2026-1`, field: "params.month" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/comp-statements/${b.users.sdr.userId}/2026-01` }),
    denied: (a) => ({ url: `/api/v1/comp-statements/${a.users.sdr.userId}/2026-01`, as: "sales" }),
  },
  "POST /api/v1/comp-statements/:userId/:month/finalise": {
    happy: (a) => ({ url: `/api/v1/comp-statements/${a.users.sdr.userId}/2026-01/finalise`, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/comp-statements/${a.users.sdr.userId}/26-01/finalise`, field: "params.month" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/comp-statements/${b.users.sdr.userId}/2026-01/finalise` }),
    denied: (a) => ({ url: `/api/v1/comp-statements/${a.users.sdr.userId}/2026-01/finalise`, as: "sdr" }),
  },
  "GET /api/v1/comp-what-if": {
    happy: (a) => ({ url: `/api/v1/comp-what-if?planA=${a.compPlanId}&planB=${a.compPlanId}&from=2025-10&to=2026-02`, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/comp-what-if?planA=${a.compPlanId}&planB=${a.compPlanId}&from=2026-13&to=2026-02`, field: "query.from" }),
    crossTenant: (a, b) => ({ url: `/api/v1/comp-what-if?planA=${b.compPlanId}&planB=${a.compPlanId}&from=2026-01&to=2026-02` }),
    denied: (a) => ({ url: `/api/v1/comp-what-if?planA=${a.compPlanId}&planB=${a.compPlanId}&from=2026-01&to=2026-02`, as: "sdr" }),
  },
};
