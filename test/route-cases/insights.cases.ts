/** Route-sweep cases: personas, field insights, ride-alongs, SWOTs and messaging (enablement, issue 7 parts 4–6). */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";
import { PERSONA_CRITERIA } from "../fixture-insights.js";

export const INSIGHTS_CASES: Record<string, Case> = {
  "GET /api/v1/personas": { happy: () => ({ url: "/api/v1/personas", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/personas": {
    happy: () => ({ url: "/api/v1/personas", body: { name: "Finance buyer", criteria: { departments: ["Finance"] } }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/personas", body: { name: "Odd", criteria: { minEmployees: -1 } }, field: "body.criteria.minEmployees" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/personas", body: { name: "Finance buyer", criteria: PERSONA_CRITERIA }, as: "sales" }),
  },
  "POST /api/v1/personas/preview": {
    happy: () => ({ url: "/api/v1/personas/preview", body: { title: "IT Manager", seniority: "manager" }, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/personas/preview", body: { employees: -3 }, field: "body.employees" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/personas/apply": {
    happy: () => ({ url: "/api/v1/personas/apply", as: "marketing", status: 202 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/personas/apply", as: "sdr" }),
  },
  "GET /api/v1/personas/:id": {
    happy: (a) => ({ url: `/api/v1/personas/${a.personaId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/personas/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/personas/${b.personaId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/personas/:id": {
    happy: (a) => ({ url: `/api/v1/personas/${a.personaId}`, body: { description: "Runs IT" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/personas/${a.personaId}`, body: { criteria: { titleKeywords: [""] } }, field: "body.criteria.titleKeywords.0" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/personas/${b.personaId}`, body: { description: "x" } }),
    denied: (a) => ({ url: `/api/v1/personas/${a.personaId}`, body: { description: "x" }, as: "sales" }),
  },
  "DELETE /api/v1/personas/:id": {
    happy: (a) => ({ url: `/api/v1/personas/${a.personaId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/personas/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/personas/${b.personaId}` }),
    denied: (a) => ({ url: `/api/v1/personas/${a.personaId}`, as: "sales" }),
  },
};
