/** Route-sweep cases: outbound webhook endpoints and their deliveries (admins only). */
import { type Case, NO_ID, NO_INPUT } from "./case.js";

// A public address literal: registration needs no DNS, and the sweep runs no sender.
const URL = "https://93.184.215.14/sweep-hooks";

export const WEBHOOKS_CASES: Record<string, Case> = {
  "GET /api/v1/webhooks": {
    happy: () => ({ url: "/api/v1/webhooks", status: 200 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/webhooks", as: "manager" }),
  },
  "POST /api/v1/webhooks": {
    happy: () => ({ url: "/api/v1/webhooks", body: { url: URL, events: ["lead.mql"] }, status: 201 }),
    invalid: () => ({ url: "/api/v1/webhooks", body: { url: "https://10.0.0.1/internal" }, field: "body.url" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/webhooks", body: { url: URL }, as: "manager" }),
  },
  "GET /api/v1/webhooks/:id": {
    happy: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, status: 200 }),
    invalid: () => ({ url: "/api/v1/webhooks/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhooks/${b.webhookEndpointId}` }),
    denied: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, as: "sales" }),
  },
  "PATCH /api/v1/webhooks/:id": {
    happy: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, body: { events: ["deal.won", "deal.lost"] }, status: 200 }),
    invalid: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, body: { events: ["deal.maybe"] }, field: "body.events" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhooks/${b.webhookEndpointId}`, body: { enabled: false } }),
    denied: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, body: { enabled: false }, as: "manager" }),
  },
  "DELETE /api/v1/webhooks/:id": {
    happy: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/webhooks/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhooks/${b.webhookEndpointId}` }),
    denied: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}`, as: "marketing" }),
  },
  "POST /api/v1/webhooks/:id/rotate-secret": {
    happy: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/rotate-secret`, status: 200 }),
    invalid: () => ({ url: "/api/v1/webhooks/nope/rotate-secret", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhooks/${b.webhookEndpointId}/rotate-secret` }),
    denied: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/rotate-secret`, as: "manager" }),
  },
  "POST /api/v1/webhooks/:id/test": {
    happy: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/test`, status: 202 }),
    invalid: () => ({ url: "/api/v1/webhooks/nope/test", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhooks/${b.webhookEndpointId}/test` }),
    denied: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/test`, as: "sdr" }),
  },
  "GET /api/v1/webhooks/:id/deliveries": {
    happy: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/deliveries?status=pending&limit=10`, status: 200 }),
    invalid: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/deliveries?status=lost`, field: "query.status" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhooks/${b.webhookEndpointId}/deliveries` }),
    denied: (a) => ({ url: `/api/v1/webhooks/${a.webhookEndpointId}/deliveries`, as: "manager" }),
  },
  "POST /api/v1/webhook-deliveries/:id/replay": {
    happy: (a) => ({ url: `/api/v1/webhook-deliveries/${a.webhookDeliveryId}/replay`, status: 202 }),
    invalid: () => ({ url: "/api/v1/webhook-deliveries/nope/replay", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/webhook-deliveries/${b.webhookDeliveryId}/replay` }),
    denied: (a) => ({ url: `/api/v1/webhook-deliveries/${a.webhookDeliveryId}/replay`, as: "sales" }),
  },
};
