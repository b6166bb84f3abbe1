/** Route-sweep cases: the lead agreement, back-tests, re-score and score explanations. */
import { STARTER_DEFINITION } from "../../src/shared/domain/definition-diff.js";
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";

export const AGREEMENT_CASES: Record<string, Case> = {
  "GET /api/v1/lead-definitions": { happy: () => ({ url: "/api/v1/lead-definitions", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/lead-definitions": {
    happy: () => ({ url: "/api/v1/lead-definitions", body: { basedOn: "starter" }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/lead-definitions", body: { basedOn: "latest" }, field: "body.basedOn" }),
    crossTenant: NO_ID,
    denied: "marketing and sales (every role) may draft",
  },
  "GET /api/v1/lead-definitions/:id": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.proposedDefinitionId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/lead-definitions/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.proposedDefinitionId}` }),
    denied: OPEN,
  },
  "PUT /api/v1/lead-definitions/:id": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}`, body: { ...STARTER_DEFINITION, halfLifeDays: 21 }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}`, body: { ...STARTER_DEFINITION, halfLifeDays: 0 }, field: "body.halfLifeDays" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.draftDefinitionId}`, body: STARTER_DEFINITION }),
    denied: "marketing and sales (every role) may edit drafts",
  },
  "DELETE /api/v1/lead-definitions/:id": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}`, as: "sales", status: 204 }),
    invalid: () => ({ url: "/api/v1/lead-definitions/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.draftDefinitionId}` }),
    denied: "marketing and sales (every role) may delete drafts",
  },
  "POST /api/v1/lead-definitions/:id/propose": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}/propose`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/lead-definitions/nope/propose", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.draftDefinitionId}/propose` }),
    denied: "marketing and sales (every role) may propose",
  },
  "POST /api/v1/lead-definitions/:id/approve": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.proposedDefinitionId}/approve`, body: { side: "sales" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/lead-definitions/${a.proposedDefinitionId}/approve`, body: { side: "finance" }, field: "body.side" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.proposedDefinitionId}/approve`, body: { side: "marketing" } }),
    denied: (a) => ({ url: `/api/v1/lead-definitions/${a.proposedDefinitionId}/approve`, body: { side: "sales" }, as: "sdr" }),
  },
  "GET /api/v1/lead-definitions/:id/diff": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}/diff?against=${a.proposedDefinitionId}`, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}/diff?against=nope`, field: "query.against" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.draftDefinitionId}/diff` }),
    denied: OPEN,
  },
  "POST /api/v1/lead-definitions/:id/backtests": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}/backtests`, body: { months: 3 }, as: "sdr", status: 202 }),
    invalid: (a) => ({ url: `/api/v1/lead-definitions/${a.draftDefinitionId}/backtests`, body: { months: 0 }, field: "body.months" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.draftDefinitionId}/backtests`, body: { months: 3 } }),
    denied: OPEN,
  },
  "GET /api/v1/lead-definitions/:id/backtests/latest": {
    happy: (a) => ({ url: `/api/v1/lead-definitions/${a.proposedDefinitionId}/backtests/latest`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/lead-definitions/nope/backtests/latest", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/lead-definitions/${b.proposedDefinitionId}/backtests/latest` }),
    denied: OPEN,
  },
  "POST /api/v1/scoring/rescore": {
    happy: () => ({ url: "/api/v1/scoring/rescore", as: "manager", status: 202 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/scoring/rescore", as: "marketing" }),
  },
  "GET /api/v1/contacts/:id/score": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/score`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/score", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/score` }),
    denied: OPEN,
  },
};
