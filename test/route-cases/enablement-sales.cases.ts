/** Route-sweep cases: competitors, battlecards and deal tags (enablement parts 3–6). */
import { type Case, OPEN, NO_ID, NO_INPUT } from "./case.js";
import { BRIEF } from "../fixture-enablement-sales.js";

const CARD = { whyWeWin: ["Support"], objections: [], landmines: [], proofPoints: [] };

export const ENABLEMENT_SALES_CASES: Record<string, Case> = {
  "GET /api/v1/competitors": { happy: () => ({ url: "/api/v1/competitors", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/competitors": {
    happy: () => ({ url: "/api/v1/competitors", body: { name: "Newcomer" }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/competitors", body: { name: "" }, field: "body.name" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/competitors", body: { name: "Newcomer" }, as: "sales" }),
  },
  "GET /api/v1/competitors/:id": {
    happy: (a) => ({ url: `/api/v1/competitors/${a.competitorId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/competitors/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/competitors/${b.competitorId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/competitors/:id": {
    happy: (a) => ({ url: `/api/v1/competitors/${a.competitorId}`, body: { pricing: "Per seat" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/competitors/${a.competitorId}`, body: { strengths: [""] }, field: "body.strengths.0" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/competitors/${b.competitorId}`, body: { pricing: "x" } }),
    denied: (a) => ({ url: `/api/v1/competitors/${a.competitorId}`, body: { pricing: "x" }, as: "sdr" }),
  },
  "DELETE /api/v1/competitors/:id": {
    happy: (a) => ({ url: `/api/v1/competitors/${a.competitorId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/competitors/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/competitors/${b.competitorId}` }),
    denied: (a) => ({ url: `/api/v1/competitors/${a.competitorId}`, as: "sales" }),
  },
  "PUT /api/v1/competitors/:id/battlecard": {
    happy: (a) => ({ url: `/api/v1/competitors/${a.competitorId}/battlecard`, body: CARD, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/competitors/${a.competitorId}/battlecard`, body: { ...CARD, objections: [{ objection: "Price" }] }, field: "body.objections.0.response" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/competitors/${b.competitorId}/battlecard`, body: CARD }),
    denied: (a) => ({ url: `/api/v1/competitors/${a.competitorId}/battlecard`, body: CARD, as: "sales" }),
  },
  "GET /api/v1/deals/:id/competitors": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/competitors`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/nope/competitors", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/competitors` }),
    denied: OPEN,
  },
  "PUT /api/v1/deals/:id/competitors": {
    happy: (a) => ({ url: `/api/v1/deals/${a.openDealId}/competitors`, body: { competitorIds: [a.competitorId] }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.openDealId}/competitors`, body: { competitorIds: ["nope"] }, field: "body.competitorIds.0" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.openDealId}/competitors`, body: { competitorIds: [] } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.openDealId}/competitors`, body: { competitorIds: [] }, as: "marketing" }),
  },
  "GET /api/v1/contacts/:id/competitors": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/competitors`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/competitors", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/competitors` }),
    denied: OPEN,
  },
  "GET /api/v1/reports/competitor-win-rates": {
    happy: () => ({ url: "/api/v1/reports/competitor-win-rates?from=2025-01-01&to=2026-12-31", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reports/competitor-win-rates?from=2025-13-01", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/briefs": { happy: () => ({ url: "/api/v1/briefs", as: "sales", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/briefs": {
    happy: (a) => ({ url: "/api/v1/briefs", body: { ...BRIEF, campaignId: a.unbriefedCampaignId }, as: "marketing", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/briefs", body: { ...BRIEF, campaignId: a.campaignId, questions: [{ question: "Q", options: ["a", "b"], correct: 2 }] }, field: "body.questions.0.correct" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/briefs", body: { ...BRIEF, campaignId: b.emptyCampaignId }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/briefs", body: { ...BRIEF, campaignId: a.unbriefedCampaignId }, as: "sales" }),
  },
  "GET /api/v1/briefs/:id": {
    happy: (a) => ({ url: `/api/v1/briefs/${a.briefId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/briefs/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/briefs/${b.briefId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/briefs/:id": {
    happy: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}`, body: { offer: "Free audit" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}`, body: { scopeMemberIds: ["nope"] }, field: "body.scopeMemberIds.0" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/briefs/${b.draftBriefId}`, body: { offer: "x" } }),
    denied: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}`, body: { offer: "x" }, as: "sales" }),
  },
  "DELETE /api/v1/briefs/:id": {
    happy: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}`, as: "marketing", status: 204 }),
    invalid: () => ({ url: "/api/v1/briefs/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/briefs/${b.draftBriefId}` }),
    denied: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}`, as: "sdr" }),
  },
  "POST /api/v1/briefs/:id/publish": {
    happy: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}/publish`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/briefs/nope/publish", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/briefs/${b.draftBriefId}/publish` }),
    denied: (a) => ({ url: `/api/v1/briefs/${a.draftBriefId}/publish`, as: "sales" }),
  },
  "POST /api/v1/briefs/:id/acknowledge": {
    happy: (a) => ({ url: `/api/v1/briefs/${a.briefId}/acknowledge`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/briefs/nope/acknowledge", as: "sales", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/briefs/${b.briefId}/acknowledge`, as: "sales" }),
    denied: (a) => ({ url: `/api/v1/briefs/${a.briefId}/acknowledge`, as: "marketing" }),
  },
  "POST /api/v1/briefs/:id/check": {
    happy: (a) => ({ url: `/api/v1/briefs/${a.briefId}/check`, body: { answers: [1] }, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/briefs/${a.briefId}/check`, body: { answers: [1, 0] }, as: "sdr", field: "body.answers" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/briefs/${b.briefId}/check`, body: { answers: [1] }, as: "sdr" }),
    denied: (a) => ({ url: `/api/v1/briefs/${a.briefId}/check`, body: { answers: [1] }, as: "manager" }),
  },
  "GET /api/v1/campaigns/:id/brief": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/brief`, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope/brief", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/brief` }),
    denied: OPEN,
  },
  "GET /api/v1/enablement/settings": { happy: () => ({ url: "/api/v1/enablement/settings", as: "sales", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "PUT /api/v1/enablement/settings": {
    happy: () => ({ url: "/api/v1/enablement/settings", body: { readinessThreshold: 0.75 }, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/enablement/settings", body: { readinessThreshold: 1.5 }, field: "body.readinessThreshold" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/enablement/settings", body: { readinessThreshold: 0.5 }, as: "marketing" }),
  },
};
