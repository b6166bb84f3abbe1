/** Route-sweep cases: the inbox, lead decisions, rejection roll-ups and suggestions. */
import { type Case, OPEN, NO_ID } from "./case.js";

export const FEEDBACK_CASES: Record<string, Case> = {
  "GET /api/v1/inbox": {
    happy: () => ({ url: "/api/v1/inbox", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/inbox?ownerId=nope", field: "query.ownerId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/inbox?ownerId=${b.users.sales.userId}`, as: "manager" }),
    denied: (a) => ({ url: `/api/v1/inbox?ownerId=${a.users.sdr.userId}`, as: "sales" }),
  },
  "POST /api/v1/leads/:id/accept": {
    happy: (a) => ({ url: `/api/v1/leads/${a.mqlContactId}/accept`, body: { note: "Booked a call" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/leads/${a.mqlContactId}/accept`, body: { note: "x".repeat(5000) }, field: "body.note" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/leads/${b.mqlContactId}/accept`, body: {} }),
    denied: (a) => ({ url: `/api/v1/leads/${a.mqlContactId}/accept`, body: {}, as: "marketing" }),
  },
  "POST /api/v1/leads/:id/reject": {
    happy: (a) => ({ url: `/api/v1/leads/${a.mqlContactId}/reject`, body: { reasonCode: "student", note: "Thesis research" }, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/leads/${a.mqlContactId}/reject`, body: { note: "no reason given" }, field: "body.reasonCode" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/leads/${b.mqlContactId}/reject`, body: { reasonCode: "student" } }),
    denied: (a) => ({ url: `/api/v1/leads/${a.mqlContactId}/reject`, body: { reasonCode: "student" }, as: "marketing" }),
  },
  "POST /api/v1/leads/:id/recycle": {
    happy: (a) => ({ url: `/api/v1/leads/${a.rejectedContactId}/recycle`, body: { reasonCode: "bad_timing" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/leads/${a.rejectedContactId}/recycle`, body: { reasonCode: "" }, field: "body.reasonCode" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/leads/${b.rejectedContactId}/recycle`, body: { reasonCode: "bad_timing" } }),
    denied: OPEN,
  },
  "POST /api/v1/leads/:id/disqualify": {
    happy: (a) => ({ url: `/api/v1/leads/${a.rejectedContactId}/disqualify`, body: { reasonCode: "spam" }, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/leads/${a.rejectedContactId}/disqualify`, body: {}, field: "body.reasonCode" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/leads/${b.rejectedContactId}/disqualify`, body: { reasonCode: "spam" } }),
    denied: OPEN,
  },
  "POST /api/v1/leads/bulk": {
    happy: (a) => ({ url: "/api/v1/leads/bulk", body: { action: "accept", ids: [a.mqlContactId] }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: "/api/v1/leads/bulk", body: { action: "reject", ids: [a.mqlContactId] }, field: "body.reasonCode" }),
    crossTenant: "ids of another workspace are reported per item as not found and never acted on (tested in closed-loop.routes.test.ts)",
    denied: (a) => ({ url: "/api/v1/leads/bulk", body: { action: "accept", ids: [a.mqlContactId] }, as: "marketing" }),
  },
  "GET /api/v1/feedback/rejections": {
    happy: () => ({ url: "/api/v1/feedback/rejections?by=source", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/feedback/rejections?by=persona", field: "query.by" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/feedback/suggestions": {
    happy: () => ({ url: "/api/v1/feedback/suggestions", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/feedback/suggestions?from=2026-03-01&to=2026-02-01", field: "query.to" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/feedback/suggestions/draft": {
    happy: (a) => ({ url: "/api/v1/feedback/suggestions/draft", body: { key: `campaign:${a.campaignId}:student` }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/feedback/suggestions/draft", body: { key: "" }, field: "body.key" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/feedback/suggestions/draft", body: { key: `campaign:${b.campaignId}:student` }, expect400: true }),
    denied: OPEN,
  },
};
