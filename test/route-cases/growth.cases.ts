/** Route-sweep cases: products and owned products, deal lines, whitespace, campaigns' whitespace targets, account business reviews, expansion and retention (issue 8 part 2). */
import { NO_ID, OPEN, type Case } from "./case.js";

export const GROWTH_CASES: Record<string, Case> = {
  "GET /api/v1/products": {
    happy: () => ({ url: "/api/v1/products?active=true", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/products?active=maybe", field: "query.active" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/products": {
    happy: () => ({ url: "/api/v1/products", body: { name: "Premium Support", family: "Services", listPrice: 6000 }, as: "manager", status: 201 }),
    invalid: () => ({ url: "/api/v1/products", body: { name: "Seats", listPrice: -1 }, field: "body.listPrice" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/products", body: { name: "Mine" }, as: "sales" }),
  },
  "PATCH /api/v1/products/:id": {
    happy: (a) => ({ url: `/api/v1/products/${a.productId}`, body: { listPrice: 15000, active: false }, as: "admin", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/products/${a.productId}`, body: { active: "no" }, field: "body.active" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/products/${b.productId}`, body: { listPrice: 1 } }),
    denied: (a) => ({ url: `/api/v1/products/${a.productId}`, body: { listPrice: 1 }, as: "marketing" }),
  },
  "GET /api/v1/accounts/:id/products": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.accountId}/products`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/accounts/nope/products", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.accountId}/products` }),
    denied: OPEN,
  },
  "PUT /api/v1/accounts/:id/products/:productId": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.emptyAccountId}/products/${a.productId}`, body: { since: "2026-01-01T00:00:00Z", annualValue: 9000 }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/accounts/${a.accountId}/products/${a.productId}`, body: { since: "yesterday" }, field: "body.since" }),
    crossTenant: (a, b) => ({ url: `/api/v1/accounts/${a.accountId}/products/${b.productId}`, body: { since: "2026-01-01T00:00:00Z" } }),
    denied: (a) => ({ url: `/api/v1/accounts/${a.accountId}/products/${a.productId}`, body: { since: "2026-01-01T00:00:00Z" }, as: "marketing" }),
  },
  "DELETE /api/v1/accounts/:id/products/:productId": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.accountId}/products/${a.productId}`, as: "manager", status: 204 }),
    invalid: (a) => ({ url: `/api/v1/accounts/${a.accountId}/products/nope`, field: "params.productId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.accountId}/products/${b.productId}` }),
    denied: (a) => ({ url: `/api/v1/accounts/${a.accountId}/products/${a.productId}`, as: "sdr" }),
  },
  "GET /api/v1/campaigns/:id/whitespace-target": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}/whitespace-target`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope/whitespace-target", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.emptyCampaignId}/whitespace-target` }),
    denied: OPEN,
  },
  "PUT /api/v1/campaigns/:id/whitespace-target": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/whitespace-target`, body: { productId: a.productId, segment: "Enterprise" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/whitespace-target`, body: { productId: a.productId, customerStatus: "vip" }, field: "body.customerStatus" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/whitespace-target`, body: { productId: b.productId } }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/whitespace-target`, body: { productId: a.productId }, as: "sales" }),
  },
  "DELETE /api/v1/campaigns/:id/whitespace-target": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}/whitespace-target`, as: "marketing", status: 204 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope/whitespace-target", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.emptyCampaignId}/whitespace-target` }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}/whitespace-target`, as: "sdr" }),
  },
  "GET /api/v1/growth/whitespace": {
    happy: () => ({ url: "/api/v1/growth/whitespace?customerStatus=prospect&industry=software", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/growth/whitespace?customerStatus=vip", field: "query.customerStatus" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/growth/whitespace?ownerId=${b.users.sales.userId}` }),
    denied: OPEN,
  },
  "GET /api/v1/accounts/:id/reviews": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.accountId}/reviews`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/accounts/nope/reviews", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.accountId}/reviews` }),
    denied: OPEN,
  },
  "POST /api/v1/accounts/:id/reviews": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.accountId}/reviews`, body: { title: "Renewal prep", scheduledAt: "2026-04-02T15:00:00Z", agenda: "Usage, roadmap", memberIds: [a.users.manager.userId], contactIds: [a.contactId] }, as: "sales", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/accounts/${a.accountId}/reviews`, body: { title: "QBR", scheduledAt: "2026-04-02T15:00:00Z", contactIds: ["nope"] }, field: "body.contactIds" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.accountId}/reviews`, body: { title: "QBR", scheduledAt: "2026-04-02T15:00:00Z" } }),
    denied: (a) => ({ url: `/api/v1/accounts/${a.accountId}/reviews`, body: { title: "QBR", scheduledAt: "2026-04-02T15:00:00Z" }, as: "marketing" }),
  },
  "GET /api/v1/account-reviews": {
    happy: () => ({ url: "/api/v1/account-reviews?status=scheduled&from=2026-03-01", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/account-reviews?status=postponed", field: "query.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/account-reviews?ownerId=${b.users.sales.userId}` }),
    denied: OPEN,
  },
  "GET /api/v1/account-reviews/:id": {
    happy: (a) => ({ url: `/api/v1/account-reviews/${a.accountReviewId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/account-reviews/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/account-reviews/${b.accountReviewId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/account-reviews/:id": {
    happy: (a) => ({ url: `/api/v1/account-reviews/${a.accountReviewId}`, body: { status: "held", outcomes: "Agreed to pilot Analytics", nextSteps: "Send proposal" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/account-reviews/${a.accountReviewId}`, body: { status: "postponed" }, field: "body.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/account-reviews/${b.accountReviewId}`, body: { status: "cancelled" } }),
    denied: (a) => ({ url: `/api/v1/account-reviews/${a.accountReviewId}`, body: { status: "cancelled" }, as: "sdr" }),
  },
  "GET /api/v1/reports/expansion-retention": {
    happy: () => ({ url: "/api/v1/reports/expansion-retention?from=2026-01-01&to=2026-03-31&grain=quarter", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/expansion-retention?grain=week", field: "query.grain" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/expansion-retention?campaignId=${b.campaignId}` }),
    denied: OPEN,
  },
  "GET /api/v1/reports/expansion-retention/records": {
    happy: () => ({ url: "/api/v1/reports/expansion-retention/records?from=2026-01-01&to=2026-03-31&measure=churned&period=2026-Q1", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/expansion-retention/records?measure=arr", field: "query.measure" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/reports/expansion-retention/records?measure=renewed&campaignId=${b.campaignId}` }),
    denied: OPEN,
  },
};
