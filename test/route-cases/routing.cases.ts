/** Route-sweep cases: routing rules, pods and handoffs. */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

export const ROUTING_CASES: Record<string, Case> = {
  "GET /api/v1/routing-rules": { happy: () => ({ url: "/api/v1/routing-rules", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/routing-rules": {
    happy: (a) => ({ url: "/api/v1/routing-rules", body: { kind: "territory", name: "EMEA", conditions: [{ field: "account.region", op: "eq", value: "EMEA" }], assigneeId: a.users.sales.userId }, as: "manager", status: 201 }),
    invalid: () => ({ url: "/api/v1/routing-rules", body: { kind: "round_robin", name: "No team" }, field: "body.teamId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/routing-rules", body: { kind: "territory", name: "Foreign", assigneeId: b.users.sales.userId }, expect400: true }),
    denied: () => ({ url: "/api/v1/routing-rules", body: { kind: "account_owner", name: "Owner" }, as: "sales" }),
  },
  "PUT /api/v1/routing-rules/order": {
    happy: (a) => ({ url: "/api/v1/routing-rules/order", body: { ids: [a.routingRuleId] }, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/routing-rules/order", body: { ids: ["nope"] }, field: "body.ids" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/routing-rules/order", body: { ids: [b.routingRuleId] }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/routing-rules/order", body: { ids: [a.routingRuleId] }, as: "sdr" }),
  },
  "PATCH /api/v1/routing-rules/:id": {
    happy: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, body: { capacity: 20 }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, body: { capacity: 0 }, field: "body.capacity" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/routing-rules/${b.routingRuleId}`, body: { enabled: false } }),
    denied: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, body: { enabled: false }, as: "marketing" }),
  },
  "DELETE /api/v1/routing-rules/:id": {
    happy: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/routing-rules/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/routing-rules/${b.routingRuleId}` }),
    denied: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, as: "sales" }),
  },
  "GET /api/v1/pods": { happy: () => ({ url: "/api/v1/pods", as: "marketing", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/pods": {
    happy: (a) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: a.spareSdrId }, as: "manager", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: a.users.marketing.userId }, field: "body.sdrId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: b.spareSdrId }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: a.spareSdrId }, as: "sales" }),
  },
  "PATCH /api/v1/pods/:id": {
    happy: (a) => ({ url: `/api/v1/pods/${a.podId}`, body: { name: "Pod North" }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/pods/${a.podId}`, body: { name: "" }, field: "body.name" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/pods/${b.podId}`, body: { name: "Pod North" } }),
    denied: (a) => ({ url: `/api/v1/pods/${a.podId}`, body: { name: "Pod North" }, as: "sdr" }),
  },
  "PUT /api/v1/pods/:id/members": {
    happy: (a) => ({ url: `/api/v1/pods/${a.podId}/members`, body: { memberIds: [] }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/pods/${a.podId}/members`, body: { memberIds: [a.users.marketing.userId] }, field: "body.memberIds" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/pods/${b.podId}/members`, body: { memberIds: [] } }),
    denied: (a) => ({ url: `/api/v1/pods/${a.podId}/members`, body: { memberIds: [] }, as: "sales" }),
  },
  "DELETE /api/v1/pods/:id": {
    happy: (a) => ({ url: `/api/v1/pods/${a.podId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/pods/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/pods/${b.podId}` }),
    denied: (a) => ({ url: `/api/v1/pods/${a.podId}`, as: "sdr" }),
  },
  "GET /api/v1/contacts/:id/handoffs": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/handoffs`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/handoffs", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/handoffs` }),
    denied: OPEN,
  },
  "POST /api/v1/contacts/:id/assign": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/assign`, body: { ownerId: a.users.sales.userId, note: "Knows the account" }, as: "sdr", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/contacts/${a.contactId}/assign`, body: { ownerId: a.users.marketing.userId }, field: "body.ownerId" }),
    crossTenant: (a, b) => ({ url: `/api/v1/contacts/${b.contactId}/assign`, body: { ownerId: a.users.sales.userId } }),
    denied: (a) => ({ url: `/api/v1/contacts/${a.contactId}/assign`, body: { ownerId: a.users.sales.userId }, as: "marketing" }),
  },
  "GET /api/v1/handoffs": {
    happy: (a) => ({ url: `/api/v1/handoffs?toUserId=${a.users.sales.userId}&limit=10`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/handoffs?toUserId=nope", field: "query.toUserId" }),
    crossTenant: "a filter: another workspace's user id matches nothing (tested in handoffs tests)",
    denied: OPEN,
  },
};
