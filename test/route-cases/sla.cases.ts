/** Route-sweep cases: SLA policies, business calendars, timers and the breach ledger. */
import { DEFAULT_CALENDAR } from "../../src/shared/contracts/business-calendar.js";
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

const TERMS = { dueMinutes: 120, warnFraction: 0.5, escalation: { remindOwnerAfterMinutes: 0, notifyManagerAfterMinutes: 60, reassignAfterMinutes: null } };
const BERLIN = { calendar: { ...DEFAULT_CALENDAR, timezone: "Europe/Berlin" } };

export const SLA_CASES: Record<string, Case> = {
  "GET /api/v1/sla-policies": { happy: () => ({ url: "/api/v1/sla-policies", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/sla-policies": {
    happy: (a) => ({ url: "/api/v1/sla-policies", body: { kind: "accept", teamId: a.teamId, terms: TERMS }, status: 201 }),
    invalid: () => ({ url: "/api/v1/sla-policies", body: { kind: "accept", terms: { ...TERMS, dueMinutes: 0 } }, field: "body.terms.dueMinutes" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/sla-policies", body: { kind: "accept", teamId: b.teamId, terms: TERMS }, expect400: true }),
    denied: () => ({ url: "/api/v1/sla-policies", body: { kind: "mql_target", terms: { period: "month", segment: null, mqlTarget: 10, minAcceptanceRate: 0.5 } }, as: "manager" }),
  },
  "PATCH /api/v1/sla-policies/:id": {
    happy: (a) => ({ url: `/api/v1/sla-policies/${a.slaPolicyId}`, body: { terms: TERMS }, status: 200 }),
    invalid: (a) => ({ url: `/api/v1/sla-policies/${a.slaPolicyId}`, body: { terms: { ...TERMS, warnFraction: 1.5 } }, field: "body.terms.warnFraction" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/sla-policies/${b.slaPolicyId}`, body: { enabled: false } }),
    denied: (a) => ({ url: `/api/v1/sla-policies/${a.slaPolicyId}`, body: { enabled: false }, as: "manager" }),
  },
  "DELETE /api/v1/sla-policies/:id": {
    happy: (a) => ({ url: `/api/v1/sla-policies/${a.slaPolicyId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/sla-policies/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/sla-policies/${b.slaPolicyId}` }),
    denied: (a) => ({ url: `/api/v1/sla-policies/${a.slaPolicyId}`, as: "sales" }),
  },
  "GET /api/v1/business-calendars": { happy: () => ({ url: "/api/v1/business-calendars", as: "marketing", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "PUT /api/v1/business-calendars/default": {
    happy: () => ({ url: "/api/v1/business-calendars/default", body: BERLIN, status: 200 }),
    invalid: () => ({ url: "/api/v1/business-calendars/default", body: { calendar: { ...DEFAULT_CALENDAR, timezone: "Mars/Olympus" } }, field: "body.calendar.timezone" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/business-calendars/default", body: BERLIN, as: "manager" }),
  },
  "PUT /api/v1/business-calendars/teams/:id": {
    happy: (a) => ({ url: `/api/v1/business-calendars/teams/${a.teamId}`, body: BERLIN, status: 200 }),
    invalid: (a) => ({ url: `/api/v1/business-calendars/teams/${a.teamId}`, body: { calendar: { ...DEFAULT_CALENDAR, holidays: ["2026-02-30"] } }, field: "body.calendar.holidays" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/business-calendars/teams/${b.teamId}`, body: BERLIN }),
    denied: (a) => ({ url: `/api/v1/business-calendars/teams/${a.teamId}`, body: BERLIN, as: "manager" }),
  },
  "DELETE /api/v1/business-calendars/teams/:id": {
    happy: (a) => ({ url: `/api/v1/business-calendars/teams/${a.teamId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/business-calendars/teams/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/business-calendars/teams/${b.teamId}` }),
    denied: (a) => ({ url: `/api/v1/business-calendars/teams/${a.teamId}`, as: "marketing" }),
  },
  "GET /api/v1/sla-timers": {
    happy: (a) => ({ url: `/api/v1/sla-timers?contactId=${a.mqlContactId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/sla-timers?state=late", field: "query.state" }),
    crossTenant: "a filter id from another workspace matches nothing (RLS)",
    denied: OPEN,
  },
  "GET /api/v1/sla/ledger": {
    happy: () => ({ url: "/api/v1/sla/ledger?from=2026-01-01&to=2026-04-01", as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/sla/ledger?from=2026-13-01", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
};
