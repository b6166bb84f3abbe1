/** Route-sweep cases: quarterly joint reviews and their actions, weekly digests. */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

export const REVIEWS_CASES: Record<string, Case> = {
  "GET /api/v1/reviews": { happy: () => ({ url: "/api/v1/reviews", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/reviews": {
    happy: () => ({ url: "/api/v1/reviews", body: { quarter: "2026-Q1" }, as: "manager", status: 202 }),
    invalid: () => ({ url: "/api/v1/reviews", body: { quarter: "2026-Q5" }, as: "manager", field: "body.quarter" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/reviews", body: { quarter: "2026-Q1" }, as: "marketing" }),
  },
  "GET /api/v1/reviews/:id": {
    happy: (a) => ({ url: `/api/v1/reviews/${a.reviewId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reviews/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reviews/${b.reviewId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/reviews/:id": {
    happy: (a) => ({ url: `/api/v1/reviews/${a.reviewId}`, body: { notes: "Both sides agreed." }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/reviews/${a.reviewId}`, body: { status: "draft" }, as: "manager", field: "body.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reviews/${b.reviewId}`, body: { notes: "x" }, as: "manager" }),
    denied: (a) => ({ url: `/api/v1/reviews/${a.reviewId}`, body: { notes: "x" }, as: "sales" }),
  },
  "POST /api/v1/reviews/:id/regenerate": {
    happy: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/regenerate`, as: "manager", status: 202 }),
    invalid: () => ({ url: "/api/v1/reviews/nope/regenerate", as: "manager", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reviews/${b.reviewId}/regenerate`, as: "manager" }),
    denied: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/regenerate`, as: "sdr" }),
  },
  "GET /api/v1/reviews/:id/export": {
    happy: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/export?format=html`, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/export?format=docx`, field: "query.format" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reviews/${b.reviewId}/export` }),
    denied: OPEN,
  },
  "POST /api/v1/reviews/:id/actions": {
    happy: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/actions`, body: { title: "Weekly rejection huddle", ownerId: a.users.sales.userId, dueOn: "2026-04-15" }, as: "manager", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/actions`, body: { title: "x", ownerId: a.users.sales.userId, dueOn: "2026-02-30" }, as: "manager", field: "body.dueOn" }),
    crossTenant: (a, b) => ({ url: `/api/v1/reviews/${b.reviewId}/actions`, body: { title: "x", ownerId: a.users.sales.userId, dueOn: "2026-04-15" }, as: "manager" }),
    denied: (a) => ({ url: `/api/v1/reviews/${a.reviewId}/actions`, body: { title: "x", ownerId: a.users.sales.userId, dueOn: "2026-04-15" }, as: "sales" }),
  },
  "GET /api/v1/review-actions": {
    happy: () => ({ url: "/api/v1/review-actions?status=open", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/review-actions?status=late", field: "query.status" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/digests": { happy: () => ({ url: "/api/v1/digests", as: "sales", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/digests": {
    happy: () => ({ url: "/api/v1/digests", body: { weekStart: "2026-02-23" }, as: "manager", status: 201 }),
    invalid: () => ({ url: "/api/v1/digests", body: { weekStart: "2026-02-24" }, as: "manager", field: "body.weekStart" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/digests", body: { weekStart: "2026-02-23" }, as: "marketing" }),
  },
  "GET /api/v1/digests/:id": {
    happy: (a) => ({ url: `/api/v1/digests/${a.digestId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/digests/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/digests/${b.digestId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/review-actions/:id": {
    happy: (a) => ({ url: `/api/v1/review-actions/${a.reviewActionId}`, body: { status: "done", outcome: "Filter live since Jan 20" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/review-actions/${a.reviewActionId}`, body: { status: "finished" }, as: "manager", field: "body.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/review-actions/${b.reviewActionId}`, body: { status: "done" }, as: "manager" }),
    denied: (a) => ({ url: `/api/v1/review-actions/${a.reviewActionId}`, body: { dueOn: "2026-05-01" }, as: "marketing" }),
  },
};
