/** Route-sweep cases: SWOT analyses and the messaging library (enablement, issue 7 parts 4–5). */
import { type Case, OPEN, NO_ID } from "./case.js";

export const SWOT_MESSAGING_CASES: Record<string, Case> = {
  "GET /api/v1/swots": {
    happy: (a) => ({ url: `/api/v1/swots?subject=campaign&status=draft&ownerId=${a.users.marketing.userId}&limit=10&offset=0`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/swots?subject=account", field: "query.subject" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/swots": {
    happy: (a) => ({ url: "/api/v1/swots", body: { campaignId: a.campaignId, title: "Second look", opportunities: ["Partner webinar"] }, as: "marketing", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/swots", body: { campaignId: a.campaignId, dealId: a.dealId, title: "Both" }, field: "body.campaignId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/swots", body: { dealId: b.dealId, title: "Theirs" }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/swots", body: { dealId: a.dealId, title: "Not mine" }, as: "marketing" }),
  },
  "GET /api/v1/swots/:id": {
    happy: (a) => ({ url: `/api/v1/swots/${a.dealSwotId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/swots/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/swots/${b.campaignSwotId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/swots/:id": {
    happy: (a) => ({ url: `/api/v1/swots/${a.dealSwotId}`, body: { status: "final", weaknesses: ["Late pricing"] }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/swots/${a.campaignSwotId}`, body: { status: "done" }, field: "body.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/swots/${b.dealSwotId}`, body: { title: "x" } }),
    denied: (a) => ({ url: `/api/v1/swots/${a.campaignSwotId}`, body: { title: "x" }, as: "sales" }),
  },
  "DELETE /api/v1/swots/:id": {
    happy: (a) => ({ url: `/api/v1/swots/${a.campaignSwotId}`, as: "marketing", status: 204 }),
    invalid: () => ({ url: "/api/v1/swots/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/swots/${b.campaignSwotId}` }),
    denied: (a) => ({ url: `/api/v1/swots/${a.dealSwotId}`, as: "sdr" }),
  },
  "GET /api/v1/campaigns/:id/swots": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/swots`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope/swots", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/swots` }),
    denied: OPEN,
  },
  "GET /api/v1/deals/:id/swots": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/swots`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/nope/swots", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/swots` }),
    denied: OPEN,
  },
  "GET /api/v1/messages": {
    happy: (a) => ({ url: `/api/v1/messages?q=onboarding&kind=talk_track&productId=${a.productId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/messages?kind=slogan", field: "query.kind" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/messages": {
    happy: (a) => ({ url: "/api/v1/messages", body: { kind: "faq", title: "Is there SSO?", body: "Yes, SAML and OIDC.", personaId: a.personaId }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/messages", body: { kind: "faq", title: "Empty answer", body: " " }, field: "body.body" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/messages", body: { kind: "faq", title: "Q", body: "A", personaId: b.personaId }, expect400: true }),
    denied: () => ({ url: "/api/v1/messages", body: { kind: "faq", title: "Q", body: "A" }, as: "sales" }),
  },
  "GET /api/v1/messages/:id": {
    happy: (a) => ({ url: `/api/v1/messages/${a.messageId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/messages/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/messages/${b.messageId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/messages/:id": {
    happy: (a) => ({ url: `/api/v1/messages/${a.messageId}`, body: { archived: true }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/messages/${a.messageId}`, body: { title: "" }, field: "body.title" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/messages/${b.messageId}`, body: { title: "x" } }),
    denied: (a) => ({ url: `/api/v1/messages/${a.messageId}`, body: { archived: true }, as: "sdr" }),
  },
  "GET /api/v1/contacts/:id/messaging": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/messaging`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/messaging", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/messaging` }),
    denied: OPEN,
  },
};
