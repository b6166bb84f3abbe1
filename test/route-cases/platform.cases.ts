/** Route-sweep cases: jobs and notifications. */
import { type Case, OPEN, NO_ID } from "./case.js";

export const PLATFORM_CASES: Record<string, Case> = {
  "GET /api/v1/jobs": {
    happy: (a) => ({ url: `/api/v1/jobs?kind=backtest&subjectId=${a.proposedDefinitionId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/jobs?kind=mining", field: "query.kind" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/jobs/:id": {
    happy: (a) => ({ url: `/api/v1/jobs/${a.backtestJobId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/jobs/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/jobs/${b.backtestJobId}` }),
    denied: OPEN,
  },
  "GET /api/v1/notifications": {
    happy: () => ({ url: "/api/v1/notifications?unread=true", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/notifications?unread=maybe", field: "query.unread" }),
    crossTenant: "lists only the caller's own notifications",
    denied: OPEN,
  },
  "POST /api/v1/notifications/read": {
    happy: (a) => ({ url: "/api/v1/notifications/read", body: { ids: [a.salesNotificationId] }, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/notifications/read", body: {}, field: "body.ids" }),
    crossTenant: "another workspace's (or user's) ids match nothing: marked 0 (tested in notifications tests)",
    denied: OPEN,
  },
};
