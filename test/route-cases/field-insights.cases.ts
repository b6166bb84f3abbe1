/** Route-sweep cases: field insights (feed, submit, triage, votes, export) and ride-alongs (enablement, issue 7 part 6). */
import { type Case, OPEN } from "./case.js";

const FILTERS_ONLY = "takes no id in the path: another workspace's ids in its filters match no rows";

export const FIELD_INSIGHTS_CASES: Record<string, Case> = {
  "GET /api/v1/insights": {
    happy: (a) => ({ url: `/api/v1/insights?personaId=${a.personaId}&kind=objection,pain_point&sort=-votes`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/insights?kind=rumour", field: "query.kind" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "GET /api/v1/insights/export.csv": {
    happy: () => ({ url: "/api/v1/insights/export.csv?status=new&sort=-votes", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/insights/export.csv?status=done", field: "query.status" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "POST /api/v1/insights": {
    happy: (a) => ({ url: "/api/v1/insights", body: { kind: "pain_point", text: "Reporting takes a week", accountId: a.accountId, personaId: a.personaId }, as: "sales", status: 201 }),
    invalid: () => ({ url: "/api/v1/insights", body: { kind: "rumour", text: "x" }, as: "sales", field: "body.kind" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/insights", body: { kind: "objection", text: "x", dealId: b.dealId }, as: "sales", expect400: true }),
    denied: () => ({ url: "/api/v1/insights", body: { kind: "objection", text: "x" }, as: "marketing" }),
  },
  "GET /api/v1/insights/:id": {
    happy: (a) => ({ url: `/api/v1/insights/${a.insightId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/insights/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/insights/${b.insightId}` }),
    denied: OPEN,
  },
  "POST /api/v1/insights/:id/triage": {
    happy: (a) => ({ url: `/api/v1/insights/${a.insightId}/triage`, body: { status: "reviewed" }, as: "marketing", status: 200 }),
    invalid: (b) => ({ url: `/api/v1/insights/${b.insightId}/triage`, body: { status: "actioned" }, as: "marketing", field: "body.actionTaken" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/insights/${b.insightId}/triage`, body: { status: "reviewed" }, as: "marketing" }),
    denied: (a) => ({ url: `/api/v1/insights/${a.insightId}/triage`, body: { status: "reviewed" }, as: "sales" }),
  },
  "PUT /api/v1/insights/:id/vote": {
    happy: (a) => ({ url: `/api/v1/insights/${a.insightId}/vote`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/insights/nope/vote", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/insights/${b.insightId}/vote` }),
    denied: OPEN,
  },
  "DELETE /api/v1/insights/:id/vote": {
    happy: (a) => ({ url: `/api/v1/insights/${a.insightId}/vote`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/insights/nope/vote", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/insights/${b.insightId}/vote` }),
    denied: OPEN,
  },
  "GET /api/v1/ride-alongs": {
    happy: (a) => ({ url: `/api/v1/ride-alongs?dealId=${a.dealId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/ride-alongs?sort=colour", field: "query.sort" }),
    crossTenant: FILTERS_ONLY,
    denied: OPEN,
  },
  "POST /api/v1/ride-alongs": {
    happy: (a) => ({
      url: "/api/v1/ride-alongs",
      body: { occurredOn: "2026-02-25", repIds: [a.users.sdr.userId], accountId: a.accountId, notes: "Cold call", insights: [{ kind: "who_is_buying", text: "Ops leads, not IT", personaId: a.personaId }] },
      as: "marketing",
      status: 201,
    }),
    invalid: () => ({ url: "/api/v1/ride-alongs", body: { occurredOn: "2026-02-25", repIds: [], notes: "x" }, as: "marketing", field: "body.repIds" }),
    crossTenant: (a, b) => ({ url: "/api/v1/ride-alongs", body: { occurredOn: "2026-02-25", repIds: [a.users.sales.userId], dealId: b.dealId, notes: "x" }, as: "marketing", expect400: true }),
    denied: (a) => ({ url: "/api/v1/ride-alongs", body: { occurredOn: "2026-02-25", repIds: [a.users.sales.userId], notes: "x" }, as: "sales" }),
  },
  "GET /api/v1/ride-alongs/:id": {
    happy: (a) => ({ url: `/api/v1/ride-alongs/${a.rideAlongId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/ride-alongs/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/ride-alongs/${b.rideAlongId}` }),
    denied: OPEN,
  },
  "POST /api/v1/ride-alongs/:id/insights": {
    happy: (a) => ({ url: `/api/v1/ride-alongs/${a.rideAlongId}/insights`, body: { kind: "competitor_move", text: "Rival offers a free pilot", competitorId: a.competitorId }, as: "marketing", status: 201 }),
    invalid: (b) => ({ url: `/api/v1/ride-alongs/${b.rideAlongId}/insights`, body: { kind: "objection", text: "" }, as: "marketing", field: "body.text" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/ride-alongs/${b.rideAlongId}/insights`, body: { kind: "objection", text: "x" }, as: "marketing" }),
    denied: (a) => ({ url: `/api/v1/ride-alongs/${a.rideAlongId}/insights`, body: { kind: "objection", text: "x" }, as: "sales" }),
  },
};
