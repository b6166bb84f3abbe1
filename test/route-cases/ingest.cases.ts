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
