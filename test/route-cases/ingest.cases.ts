/** Route-sweep cases: batch ingest, web capture settings, GDPR export and erase. */
import { type Case } from "./case.js";

export const INGEST_CASES: Record<string, Case> = {
  "POST /api/v1/touchpoints/batch": {
    happy: (a) => ({ url: "/api/v1/touchpoints/batch", body: { events: [{ type: "page_view", contactId: a.contactId }, { type: "page_view", email: "new@sweep.example" }] }, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/touchpoints/batch", body: { events: [{ type: "telepathy", email: "x@sweep.example" }] }, field: "body.events.0.type" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/touchpoints/batch", body: { events: [{ type: "page_view", contactId: b.contactId }] }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/touchpoints/batch", body: { events: [{ type: "call", contactId: a.contactId }] }, as: "marketing" }),
  },
};

export const PRIVACY_CASES: Record<string, Case> = {
  "GET /api/v1/contacts/:id/export": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/export`, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/export", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/export` }),
    denied: (a) => ({ url: `/api/v1/contacts/${a.contactId}/export`, as: "sales" }),
  },
  "POST /api/v1/contacts/:id/erase": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/erase`, body: { confirm: "ERASE" }, status: 200 }),
    invalid: (a) => ({ url: `/api/v1/contacts/${a.contactId}/erase`, body: { confirm: "please" }, field: "body.confirm" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/erase`, body: { confirm: "ERASE" } }),
    denied: (a) => ({ url: `/api/v1/contacts/${a.contactId}/erase`, body: { confirm: "ERASE" }, as: "manager" }),
  },
};
