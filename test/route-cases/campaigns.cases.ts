/** Route-sweep cases: campaigns and touchpoints. */
import { type Case, OPEN, NO_ID } from "./case.js";

export const CAMPAIGNS_CASES: Record<string, Case> = {
  "GET /api/v1/campaigns": {
    happy: () => ({ url: "/api/v1/campaigns?channel=webinar,email", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns?channel=tv", field: "query.channel" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/campaigns": {
    happy: () => ({ url: "/api/v1/campaigns", body: { name: "Spring ebook", channel: "content", budget: 2000 }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/campaigns", body: { name: "Backwards", channel: "email", startsOn: "2026-05-01", endsOn: "2026-04-01" }, field: "body.endsOn" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/campaigns", body: { name: "Sales campaign", channel: "email" }, as: "sales" }),
  },
  "GET /api/v1/campaigns/:id": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/campaigns/:id": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, body: { status: "active" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, body: { endsOn: "2025-01-01" }, field: "body.endsOn" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}`, body: { status: "active" } }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, body: { status: "active" }, as: "sales" }),
  },
  "DELETE /api/v1/campaigns/:id": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}`, as: "marketing", status: 204 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.emptyCampaignId}` }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}`, as: "sdr" }),
  },
  "POST /api/v1/campaigns/:id/costs": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs`, body: { incurredOn: "2026-02-01", amount: 300, description: "Ads" }, as: "marketing", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs`, body: { incurredOn: "2026-02-30", amount: 300, description: "Ads" }, field: "body.incurredOn" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/costs`, body: { incurredOn: "2026-02-01", amount: 1, description: "x" } }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs`, body: { incurredOn: "2026-02-01", amount: 1, description: "x" }, as: "sales" }),
  },
  "DELETE /api/v1/campaigns/:id/costs/:costId": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs/${a.costId}`, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs/nope`, field: "params.costId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/costs/${b.costId}` }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs/${a.costId}`, as: "sales" }),
  },
  "GET /api/v1/touchpoints": {
    happy: (a) => ({ url: `/api/v1/touchpoints?contactId=${a.contactId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/touchpoints?from=yesterday", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/touchpoints": {
    happy: (a) => ({ url: "/api/v1/touchpoints", body: { contactId: a.contactId, type: "call", properties: { outcome: "connected" } }, as: "sdr", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/touchpoints", body: { contactId: a.contactId, type: "telepathy" }, field: "body.type" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/touchpoints", body: { contactId: b.contactId, type: "page_view" }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/touchpoints", body: { contactId: a.contactId, type: "call" }, as: "marketing" }),
  },
  "GET /api/v1/touchpoints/:id": {
    happy: (a) => ({ url: `/api/v1/touchpoints/${a.touchpointId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/touchpoints/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/touchpoints/${b.touchpointId}` }),
    denied: OPEN,
  },
};
