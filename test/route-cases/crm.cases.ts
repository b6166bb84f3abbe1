/** Route-sweep cases: accounts, contacts and deals. */
import { type Case, OPEN, NO_ID } from "./case.js";

export const CRM_CASES: Record<string, Case> = {
  "GET /api/v1/accounts": {
    happy: () => ({ url: "/api/v1/accounts?q=corp&sort=-createdAt", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/accounts?limit=501", field: "query.limit" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/accounts": {
    happy: () => ({ url: "/api/v1/accounts", body: { name: "Globex", domain: "globex.example" }, as: "sdr", status: 201 }),
    invalid: () => ({ url: "/api/v1/accounts", body: { name: "" }, field: "body.name" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/accounts/:id": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.accountId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/accounts/123", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.accountId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/accounts/:id": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.accountId}`, body: { employees: 900 }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/accounts/${a.accountId}`, body: { employees: -1 }, field: "body.employees" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.accountId}`, body: { employees: 1 } }),
    denied: OPEN,
  },
  "DELETE /api/v1/accounts/:id": {
    happy: (a) => ({ url: `/api/v1/accounts/${a.emptyAccountId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/accounts/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/accounts/${b.emptyAccountId}` }),
    denied: (a) => ({ url: `/api/v1/accounts/${a.emptyAccountId}`, as: "sales" }),
  },
  "GET /api/v1/contacts": {
    happy: () => ({ url: "/api/v1/contacts?stage=lead,mql&sort=lastName", as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts?stage=hot", field: "query.stage" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/contacts": {
    happy: () => ({ url: "/api/v1/contacts", body: { email: "Kim@Example.com", lastName: "Kim" }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/contacts", body: { email: "kim-at-example" }, field: "body.email" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/contacts/:id": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/contacts/:id": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}`, body: { title: "VP Engineering", seniority: "vp" }, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/contacts/${a.contactId}`, body: { seniority: "overlord" }, field: "body.seniority" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}`, body: { title: "x" } }),
    denied: OPEN,
  },
  "DELETE /api/v1/contacts/:id": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.mqlContactId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/contacts/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.mqlContactId}` }),
    denied: (a) => ({ url: `/api/v1/contacts/${a.mqlContactId}`, as: "sdr" }),
  },
  "POST /api/v1/contacts/:id/stage": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.mqlContactId}/stage`, body: { stage: "sal" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/contacts/${a.mqlContactId}/stage`, body: { stage: "hot" }, field: "body.stage" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.mqlContactId}/stage`, body: { stage: "sal" } }),
    denied: (a) => ({ url: `/api/v1/contacts/${a.mqlContactId}/stage`, body: { stage: "sal" }, as: "marketing" }),
  },
  "GET /api/v1/contacts/:id/timeline": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/timeline?limit=10`, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/contacts/${a.contactId}/timeline?limit=0`, field: "query.limit" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/timeline` }),
    denied: OPEN,
  },
  "GET /api/v1/deals": {
    happy: () => ({ url: "/api/v1/deals?open=true&sort=-amount", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals?sort=profit", field: "query.sort" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/deals": {
    happy: (a) => ({ url: "/api/v1/deals", body: { accountId: a.accountId, name: "New deal", amount: 1000 }, as: "sales", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/deals", body: { accountId: a.accountId, name: "Bad", amount: -5 }, field: "body.amount" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/deals", body: { accountId: b.accountId, name: "Sneaky" }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/deals", body: { accountId: a.accountId, name: "Marketing deal" }, as: "marketing" }),
  },
  "GET /api/v1/deals/:id": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/deals/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/deals/:id": {
    happy: (a) => ({ url: `/api/v1/deals/${a.openDealId}`, body: { stage: "proposal", amount: 9000 }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.openDealId}`, body: { stage: "closed_won" }, field: "body.stage" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.openDealId}`, body: { amount: 1 } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.openDealId}`, body: { amount: 1 }, as: "marketing" }),
  },
  "DELETE /api/v1/deals/:id": {
    happy: (a) => ({ url: `/api/v1/deals/${a.openDealId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/deals/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.openDealId}` }),
    denied: (a) => ({ url: `/api/v1/deals/${a.openDealId}`, as: "sales" }),
  },
  "POST /api/v1/deals/:id/close": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/close`, body: { outcome: "lost", reasonCode: "competitor", competitor: "Stackline" }, as: "sales", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.dealId}/close`, body: { outcome: "lost" }, field: "body.reasonCode" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/close`, body: { outcome: "won", reasonCode: "product_fit" } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.dealId}/close`, body: { outcome: "won", reasonCode: "product_fit" }, as: "marketing" }),
  },
  "PUT /api/v1/deals/:id/contacts": {
    happy: (a) => ({ url: `/api/v1/deals/${a.openDealId}/contacts`, body: { contactId: a.mqlContactId, role: "champion" }, as: "sdr", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.openDealId}/contacts`, body: { contactId: a.mqlContactId, role: "sponsor" }, field: "body.role" }),
    crossTenant: (a, b) => ({ url: `/api/v1/deals/${b.openDealId}/contacts`, body: { contactId: a.contactId, role: "user" } }),
    denied: (a) => ({ url: `/api/v1/deals/${a.openDealId}/contacts`, body: { contactId: a.mqlContactId, role: "user" }, as: "marketing" }),
  },
  "DELETE /api/v1/deals/:id/contacts/:contactId": {
    happy: (a) => ({ url: `/api/v1/deals/${a.dealId}/contacts/${a.contactId}`, as: "sales", status: 204 }),
    invalid: (a) => ({ url: `/api/v1/deals/${a.dealId}/contacts/nope`, field: "params.contactId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/deals/${b.dealId}/contacts/${b.contactId}` }),
    denied: (a) => ({ url: `/api/v1/deals/${a.dealId}/contacts/${a.contactId}`, as: "marketing" }),
  },
};
