/** Route-sweep cases: follow-up playbooks, a contact's recommended playbook and the adherence report. */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

const BODY = { name: "Webinar → call", match: { channels: ["webinar"] }, firstChannel: "phone", steps: [{ day: 0, channel: "phone", action: "Call" }] };

export const PLAYBOOKS_CASES: Record<string, Case> = {
  "GET /api/v1/playbooks": { happy: () => ({ url: "/api/v1/playbooks", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/playbooks": {
    happy: () => ({ url: "/api/v1/playbooks", body: BODY, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/playbooks", body: { ...BODY, steps: [{ day: 2, channel: "phone", action: "Call" }, { day: 1, channel: "email", action: "Mail" }] }, field: "body.steps.1.day" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/playbooks", body: BODY, as: "sales" }),
  },
  "PUT /api/v1/playbooks/order": {
    happy: (a) => ({ url: "/api/v1/playbooks/order", body: { ids: [a.playbookId] }, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/playbooks/order", body: { ids: ["nope"] }, field: "body.ids" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/playbooks/order", body: { ids: [b.playbookId] }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/playbooks/order", body: { ids: [a.playbookId] }, as: "sdr" }),
  },
  "PATCH /api/v1/playbooks/:id": {
    happy: (a) => ({ url: `/api/v1/playbooks/${a.playbookId}`, body: { firstChannel: "linkedin" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/playbooks/${a.playbookId}`, body: { firstChannel: "fax" }, field: "body.firstChannel" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/playbooks/${b.playbookId}`, body: { enabled: false } }),
    denied: (a) => ({ url: `/api/v1/playbooks/${a.playbookId}`, body: { enabled: false }, as: "sales" }),
  },
  "DELETE /api/v1/playbooks/:id": {
    happy: (a) => ({ url: `/api/v1/playbooks/${a.playbookId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/playbooks/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/playbooks/${b.playbookId}` }),
    denied: (a) => ({ url: `/api/v1/playbooks/${a.playbookId}`, as: "sdr" }),
  },
  "GET /api/v1/contacts/:id/playbook": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/playbook`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/playbook", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/playbook` }),
    denied: OPEN,
  },
  "GET /api/v1/reports/playbook-adherence": {
    happy: () => ({ url: "/api/v1/reports/playbook-adherence?from=2026-01-01&to=2026-03-01&groupBy=source", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/playbook-adherence?from=2026-03-01&to=2026-01-01", field: "query.to" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
};
