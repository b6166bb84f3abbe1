/** Route-sweep cases: customer references (catalogue, requests, decisions, deal panel, cap, report) and content requests. */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

export const REFERENCES_CASES: Record<string, Case> = {
  "GET /api/v1/references": {
    happy: () => ({ url: "/api/v1/references?q=onboarding&available=true", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/references?size=huge", field: "query.size" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/references": {
    happy: (a) => ({ url: "/api/v1/references", body: { accountId: a.emptyAccountId, useCase: "Migration", quarterlyCap: 2 }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/references", body: { accountId: "nope" }, field: "body.accountId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/references", body: { accountId: b.accountId }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/references", body: { accountId: a.accountId }, as: "sales" }),
  },
  "GET /api/v1/references/:id": {
    happy: (a) => ({ url: `/api/v1/references/${a.referenceId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/references/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/references/${b.referenceId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/references/:id": {
    happy: (a) => ({ url: `/api/v1/references/${a.referenceId}`, body: { useCase: "Onboarding and migration", active: false }, as: "marketing", status: 200 }),
    invalid: (b) => ({ url: `/api/v1/references/${b.referenceId}`, body: { quarterlyCap: 0 }, field: "body.quarterlyCap" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/references/${b.referenceId}`, body: { active: false } }),
    denied: (b) => ({ url: `/api/v1/references/${b.referenceId}`, body: { active: false }, as: "sales" }),
  },
  "POST /api/v1/references/:id/uses": {
    happy: (a) => ({ url: `/api/v1/references/${a.referenceId}/uses`, body: { dealId: a.openDealId, note: "Security review" }, as: "sales", status: 201 }),
    invalid: (b) => ({ url: `/api/v1/references/${b.referenceId}/uses`, body: { dealId: "nope" }, field: "body.dealId" }),
    crossTenant: (a, b) => ({ url: `/api/v1/references/${b.referenceId}/uses`, body: { dealId: a.openDealId } }),
    denied: (b) => ({ url: `/api/v1/references/${b.referenceId}/uses`, body: { dealId: b.openDealId }, as: "marketing" }),
  },
  "GET /api/v1/reference-uses": {
    happy: () => ({ url: "/api/v1/reference-uses?awaitingMe=true", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reference-uses?status=maybe", field: "query.status" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/reference-uses/:id/decision": {
    happy: (a) => ({ url: `/api/v1/reference-uses/${a.referenceUseId}/decision`, body: { decision: "approve", note: "Happy to" }, as: "marketing", status: 200 }),
    invalid: (b) => ({ url: `/api/v1/reference-uses/${b.referenceUseId}/decision`, body: { decision: "decline" }, field: "body.note" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reference-uses/${b.referenceUseId}/decision`, body: { decision: "approve" } }),
    denied: (b) => ({ url: `/api/v1/reference-uses/${b.referenceUseId}/decision`, body: { decision: "approve" }, as: "sales" }),
  },
  "GET /api/v1/deals/:id/references": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/references`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/nope/references", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/references` }),
    denied: OPEN,
  },
  "GET /api/v1/reference-settings": { happy: () => ({ url: "/api/v1/reference-settings", as: "sales", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "PUT /api/v1/reference-settings": {
    happy: () => ({ url: "/api/v1/reference-settings", body: { quarterlyCap: 2 }, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/reference-settings", body: { quarterlyCap: 0 }, field: "body.quarterlyCap" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/reference-settings", body: { quarterlyCap: 2 }, as: "marketing" }),
  },
  "GET /api/v1/reports/reference-usage": {
    happy: () => ({ url: "/api/v1/reports/reference-usage?from=2026-01-01&to=2026-06-30", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/reference-usage?from=2026-13-01", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/content-requests": {
    happy: () => ({ url: "/api/v1/content-requests?status=new,accepted", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/content-requests?status=done", field: "query.status" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/content-requests": {
    happy: (a) => ({ url: "/api/v1/content-requests", body: { title: "Battlecard for Rivalry", dealId: a.dealId, competitor: "Rivalry", buyingStage: "convert", priority: "high" }, as: "sales", status: 201 }),
    invalid: () => ({ url: "/api/v1/content-requests", body: { title: " " }, field: "body.title" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/content-requests", body: { title: "Case study", dealId: b.dealId }, as: "sales", expect400: true }),
    denied: () => ({ url: "/api/v1/content-requests", body: { title: "Case study" }, as: "marketing" }),
  },
  "GET /api/v1/content-requests/:id": {
    happy: (a) => ({ url: `/api/v1/content-requests/${a.contentRequestId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/content-requests/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}` }),
    denied: OPEN,
  },
  "POST /api/v1/content-requests/:id/move": {
    happy: (a) => ({ url: `/api/v1/content-requests/${a.contentRequestId}/move`, body: { status: "accepted", assigneeId: a.users.marketing.userId }, as: "marketing", status: 200 }),
    invalid: (b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}/move`, body: { status: "declined" }, field: "body.declineReason" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}/move`, body: { status: "accepted" }, as: "marketing" }),
    denied: (b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}/move`, body: { status: "accepted" }, as: "sales" }),
  },
  "PUT /api/v1/content-requests/:id/assignee": {
    happy: (a) => ({ url: `/api/v1/content-requests/${a.contentRequestId}/assignee`, body: { assigneeId: a.users.marketing.userId }, as: "manager", status: 200 }),
    invalid: (b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}/assignee`, body: { assigneeId: "nope" }, field: "body.assigneeId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}/assignee`, body: { assigneeId: null } }),
    denied: (b) => ({ url: `/api/v1/content-requests/${b.contentRequestId}/assignee`, body: { assigneeId: null }, as: "sdr" }),
  },
};
