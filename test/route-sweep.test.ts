/**
 * The route sweep: every registered /api/v1 route has a happy path, a validation error that changes nothing,
 * a cross-tenant case (another workspace's id is a 404) and a role denial (403) — or a stated reason why a
 * case does not apply. A new route without an entry fails the first test.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../src/shared/domain/roles.js";
import { TEST_PASSWORD, caller, useHarness } from "./harness.js";
import { createFixture, type Fixture } from "./fixtures.js";
import { STARTER_DEFINITION } from "../src/shared/domain/definition-diff.js";

type Req = { url: string; body?: unknown; as?: Role; session?: boolean; expect400?: boolean };
type Case = {
  happy: (a: Fixture) => Req & { status: number };
  /** A request with bad input: expects 400 naming the field, or the reason none exists. */
  invalid: ((a: Fixture) => Req & { field: string }) | string;
  /** The same route with the other workspace's id: expects 404, or the reason it takes no id. */
  crossTenant: ((a: Fixture, b: Fixture) => Req) | string;
  /** A role that may not act: expects 403, or the reason every member may. */
  denied: ((a: Fixture) => Req & { as: Role }) | string;
};

const OPEN = "every member may";
const NO_ID = "takes no id";
const NO_INPUT = "takes no input";
const PUBLIC = "public route";

const CASES: Record<string, Case> = {
  "POST /api/v1/auth/login": {
    happy: (a) => ({ url: "/api/v1/auth/login", body: { email: a.users.sales.email, password: TEST_PASSWORD }, status: 200 }),
    invalid: () => ({ url: "/api/v1/auth/login", body: { email: "nope", password: "x" }, field: "body.email" }),
    crossTenant: "a login names no workspace id",
    denied: PUBLIC,
  },
  "POST /api/v1/auth/accept-invite": {
    happy: (a) => ({ url: "/api/v1/auth/accept-invite", body: { token: a.invitationToken, password: "a long new password" }, status: 200 }),
    invalid: () => ({ url: "/api/v1/auth/accept-invite", body: { token: "x".repeat(20), password: "short" }, field: "body.password" }),
    crossTenant: "the token itself decides the workspace",
    denied: PUBLIC,
  },
  "POST /api/v1/auth/logout": { happy: () => ({ url: "/api/v1/auth/logout", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "GET /api/v1/auth/me": { happy: () => ({ url: "/api/v1/auth/me", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/auth/switch-workspace": {
    happy: (a) => ({ url: "/api/v1/auth/switch-workspace", body: { workspaceId: a.workspaceId }, session: true, status: 200 }),
    invalid: () => ({ url: "/api/v1/auth/switch-workspace", body: { workspaceId: "nope" }, field: "body.workspaceId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/auth/switch-workspace", body: { workspaceId: b.workspaceId }, session: true }),
    denied: OPEN,
  },
  "POST /api/v1/auth/password": {
    happy: () => ({ url: "/api/v1/auth/password", body: { currentPassword: TEST_PASSWORD, newPassword: "another long password" }, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/auth/password", body: { currentPassword: TEST_PASSWORD, newPassword: "short" }, field: "body.newPassword" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/tokens": { happy: () => ({ url: "/api/v1/tokens", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/tokens": {
    happy: () => ({ url: "/api/v1/tokens", body: { name: "ci" }, as: "sales", status: 201 }),
    invalid: () => ({ url: "/api/v1/tokens", body: { name: "" }, field: "body.name" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "DELETE /api/v1/tokens/:id": {
    happy: (a) => ({ url: `/api/v1/tokens/${a.tokenId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/tokens/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/tokens/${b.tokenId}` }),
    denied: "another member's token is a 404 for non-admins (tested in tokens tests)",
  },
  "GET /api/v1/users": {
    happy: () => ({ url: "/api/v1/users?role=sales,sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/users?limit=0", field: "query.limit" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/users": {
    happy: (a) => ({ url: "/api/v1/users", body: { email: `new@${a.slug}.test`, name: "New", role: "sdr", password: "a long password" }, status: 201 }),
    invalid: () => ({ url: "/api/v1/users", body: { email: "x", name: "New", role: "sdr" }, field: "body.email" }),
    crossTenant: NO_ID,
    denied: (a) => ({ url: "/api/v1/users", body: { email: `new@${a.slug}.test`, name: "New", role: "admin" }, as: "sales" }),
  },
  "GET /api/v1/users/:id": {
    happy: (a) => ({ url: `/api/v1/users/${a.users.sales.userId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/users/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/users/${b.users.sales.userId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/users/:id": {
    happy: (a) => ({ url: `/api/v1/users/${a.users.sales.userId}`, body: { role: "manager" }, status: 200 }),
    invalid: (a) => ({ url: `/api/v1/users/${a.users.sales.userId}`, body: { role: "boss" }, field: "body.role" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/users/${b.users.sales.userId}`, body: { role: "manager" } }),
    denied: (a) => ({ url: `/api/v1/users/${a.users.sales.userId}`, body: { role: "admin" }, as: "sales" }),
  },
  "GET /api/v1/teams": { happy: () => ({ url: "/api/v1/teams", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/teams": {
    happy: () => ({ url: "/api/v1/teams", body: { name: "AE West" }, status: 201 }),
    invalid: () => ({ url: "/api/v1/teams", body: { name: "" }, field: "body.name" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/teams", body: { name: "Rogue" }, as: "manager" }),
  },
  "GET /api/v1/invitations": { happy: () => ({ url: "/api/v1/invitations", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: () => ({ url: "/api/v1/invitations", as: "sales" }) },
  "DELETE /api/v1/invitations/:id": {
    happy: (a) => ({ url: `/api/v1/invitations/${a.invitationId}`, status: 204 }),
    invalid: () => ({ url: "/api/v1/invitations/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/invitations/${b.invitationId}` }),
    denied: (a) => ({ url: `/api/v1/invitations/${a.invitationId}`, as: "sales" }),
  },
  "GET /api/v1/reason-codes": {
    happy: () => ({ url: "/api/v1/reason-codes?kind=reject", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/reason-codes?kind=bogus", field: "query.kind" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
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
  "GET /api/v1/campaigns": {
    happy: () => ({ url: "/api/v1/campaigns?channel=webinar,email", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns?channel=tv", field: "query.channel" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/campaigns": {
    happy: () => ({ url: "/api/v1/campaigns", body: { name: "Spring ebook", channel: "content", budget: 2000 }, as: "marketing", status: 201 }),
    invalid: () => ({ url: "/api/v1/campaigns", body: { name: "Backwards", channel: "email", startsOn: "2026-05-01", endsOn: "2026-04-01" }, field: "body.endsOn" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/campaigns", body: { name: "Sales campaign", channel: "email" }, as: "sales" }),
  },
  "GET /api/v1/campaigns/:id": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}` }),
    denied: OPEN,
  },
  "PATCH /api/v1/campaigns/:id": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, body: { status: "active" }, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, body: { endsOn: "2025-01-01" }, field: "body.endsOn" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}`, body: { status: "active" } }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}`, body: { status: "active" }, as: "sales" }),
  },
  "DELETE /api/v1/campaigns/:id": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}`, as: "marketing", status: 204 }),
    invalid: () => ({ url: "/api/v1/campaigns/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.emptyCampaignId}` }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.emptyCampaignId}`, as: "sdr" }),
  },
  "POST /api/v1/campaigns/:id/costs": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs`, body: { incurredOn: "2026-02-01", amount: 300, description: "Ads" }, as: "marketing", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs`, body: { incurredOn: "2026-02-30", amount: 300, description: "Ads" }, field: "body.incurredOn" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/costs`, body: { incurredOn: "2026-02-01", amount: 1, description: "x" } }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs`, body: { incurredOn: "2026-02-01", amount: 1, description: "x" }, as: "sales" }),
  },
  "DELETE /api/v1/campaigns/:id/costs/:costId": {
    happy: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs/${a.costId}`, as: "marketing", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs/nope`, field: "params.costId" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/campaigns/${b.campaignId}/costs/${b.costId}` }),
    denied: (a) => ({ url: `/api/v1/campaigns/${a.campaignId}/costs/${a.costId}`, as: "sales" }),
  },
  "GET /api/v1/touchpoints": {
    happy: (a) => ({ url: `/api/v1/touchpoints?contactId=${a.contactId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/touchpoints?from=yesterday", field: "query.from" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "POST /api/v1/touchpoints": {
    happy: (a) => ({ url: "/api/v1/touchpoints", body: { contactId: a.contactId, type: "call", properties: { outcome: "connected" } }, as: "sdr", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/touchpoints", body: { contactId: a.contactId, type: "telepathy" }, field: "body.type" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/touchpoints", body: { contactId: b.contactId, type: "page_view" }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/touchpoints", body: { contactId: a.contactId, type: "call" }, as: "marketing" }),
  },
  "GET /api/v1/touchpoints/:id": {
    happy: (a) => ({ url: `/api/v1/touchpoints/${a.touchpointId}`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/touchpoints/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/touchpoints/${b.touchpointId}` }),
    denied: OPEN,
  },
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
  "GET /api/v1/jobs": {
    happy: (a) => ({ url: `/api/v1/jobs?kind=backtest&subjectId=${a.proposedDefinitionId}`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/jobs?kind=mining", field: "query.kind" }),
    crossTenant: NO_ID,
    denied: OPEN,
  },
  "GET /api/v1/jobs/:id": {
    happy: (a) => ({ url: `/api/v1/jobs/${a.backtestJobId}`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/jobs/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/jobs/${b.backtestJobId}` }),
    denied: OPEN,
  },
  "GET /api/v1/notifications": {
    happy: () => ({ url: "/api/v1/notifications?unread=true", as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/notifications?unread=maybe", field: "query.unread" }),
    crossTenant: "lists only the caller's own notifications",
    denied: OPEN,
  },
  "POST /api/v1/notifications/read": {
    happy: (a) => ({ url: "/api/v1/notifications/read", body: { ids: [a.salesNotificationId] }, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/notifications/read", body: {}, field: "body.ids" }),
    crossTenant: "another workspace's (or user's) ids match nothing: marked 0 (tested in notifications tests)",
    denied: OPEN,
  },
  "GET /api/v1/contacts/:id/score": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/score`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/score", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/score` }),
    denied: OPEN,
  },
  "GET /api/v1/routing-rules": { happy: () => ({ url: "/api/v1/routing-rules", as: "sdr", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/routing-rules": {
    happy: (a) => ({ url: "/api/v1/routing-rules", body: { kind: "territory", name: "EMEA", conditions: [{ field: "account.region", op: "eq", value: "EMEA" }], assigneeId: a.users.sales.userId }, as: "manager", status: 201 }),
    invalid: () => ({ url: "/api/v1/routing-rules", body: { kind: "round_robin", name: "No team" }, field: "body.teamId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/routing-rules", body: { kind: "territory", name: "Foreign", assigneeId: b.users.sales.userId }, expect400: true }),
    denied: () => ({ url: "/api/v1/routing-rules", body: { kind: "account_owner", name: "Owner" }, as: "sales" }),
  },
  "PUT /api/v1/routing-rules/order": {
    happy: (a) => ({ url: "/api/v1/routing-rules/order", body: { ids: [a.routingRuleId] }, as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/routing-rules/order", body: { ids: ["nope"] }, field: "body.ids" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/routing-rules/order", body: { ids: [b.routingRuleId] }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/routing-rules/order", body: { ids: [a.routingRuleId] }, as: "sdr" }),
  },
  "PATCH /api/v1/routing-rules/:id": {
    happy: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, body: { capacity: 20 }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, body: { capacity: 0 }, field: "body.capacity" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/routing-rules/${b.routingRuleId}`, body: { enabled: false } }),
    denied: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, body: { enabled: false }, as: "marketing" }),
  },
  "DELETE /api/v1/routing-rules/:id": {
    happy: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/routing-rules/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/routing-rules/${b.routingRuleId}` }),
    denied: (a) => ({ url: `/api/v1/routing-rules/${a.routingRuleId}`, as: "sales" }),
  },
  "GET /api/v1/pods": { happy: () => ({ url: "/api/v1/pods", as: "marketing", status: 200 }), invalid: NO_INPUT, crossTenant: NO_ID, denied: OPEN },
  "POST /api/v1/pods": {
    happy: (a) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: a.spareSdrId }, as: "manager", status: 201 }),
    invalid: (a) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: a.users.marketing.userId }, field: "body.sdrId" }),
    crossTenant: (_a, b) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: b.spareSdrId }, expect400: true }),
    denied: (a) => ({ url: "/api/v1/pods", body: { name: "Pod West", sdrId: a.spareSdrId }, as: "sales" }),
  },
  "PATCH /api/v1/pods/:id": {
    happy: (a) => ({ url: `/api/v1/pods/${a.podId}`, body: { name: "Pod North" }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/pods/${a.podId}`, body: { name: "" }, field: "body.name" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/pods/${b.podId}`, body: { name: "Pod North" } }),
    denied: (a) => ({ url: `/api/v1/pods/${a.podId}`, body: { name: "Pod North" }, as: "sdr" }),
  },
  "PUT /api/v1/pods/:id/members": {
    happy: (a) => ({ url: `/api/v1/pods/${a.podId}/members`, body: { memberIds: [] }, as: "manager", status: 200 }),
    invalid: (a) => ({ url: `/api/v1/pods/${a.podId}/members`, body: { memberIds: [a.users.marketing.userId] }, field: "body.memberIds" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/pods/${b.podId}/members`, body: { memberIds: [] } }),
    denied: (a) => ({ url: `/api/v1/pods/${a.podId}/members`, body: { memberIds: [] }, as: "sales" }),
  },
  "DELETE /api/v1/pods/:id": {
    happy: (a) => ({ url: `/api/v1/pods/${a.podId}`, as: "manager", status: 204 }),
    invalid: () => ({ url: "/api/v1/pods/nope", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/pods/${b.podId}` }),
    denied: (a) => ({ url: `/api/v1/pods/${a.podId}`, as: "sdr" }),
  },
  "GET /api/v1/contacts/:id/handoffs": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/handoffs`, as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/handoffs", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/handoffs` }),
    denied: OPEN,
  },
  "POST /api/v1/contacts/:id/assign": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/assign`, body: { ownerId: a.users.sales.userId, note: "Knows the account" }, as: "sdr", status: 201 }),
    invalid: (a) => ({ url: `/api/v1/contacts/${a.contactId}/assign`, body: { ownerId: a.users.marketing.userId }, field: "body.ownerId" }),
    crossTenant: (a, b) => ({ url: `/api/v1/contacts/${b.contactId}/assign`, body: { ownerId: a.users.sales.userId } }),
    denied: (a) => ({ url: `/api/v1/contacts/${a.contactId}/assign`, body: { ownerId: a.users.sales.userId }, as: "marketing" }),
  },
  "GET /api/v1/handoffs": {
    happy: (a) => ({ url: `/api/v1/handoffs?toUserId=${a.users.sales.userId}&limit=10`, as: "sales", status: 200 }),
    invalid: () => ({ url: "/api/v1/handoffs?toUserId=nope", field: "query.toUserId" }),
    crossTenant: "a filter: another workspace's user id matches nothing (tested in handoffs tests)",
    denied: OPEN,
  },
  "POST /api/v1/predictive/models": {
    // The fixture has no closed-loop outcomes, so a manager's request is refused with 409 naming the counts; the 202
    // path (a job that trains, activates and scores) is tested in predictive.routes.test.ts.
    happy: () => ({ url: "/api/v1/predictive/models", as: "manager", status: 409 }),
    invalid: () => ({ url: "/api/v1/predictive/models", body: { lambda: -1 }, field: "body.lambda" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/predictive/models", as: "sales" }),
  },
  "GET /api/v1/predictive/models": {
    happy: () => ({ url: "/api/v1/predictive/models?limit=10", as: "marketing", status: 200 }),
    invalid: () => ({ url: "/api/v1/predictive/models?limit=0", field: "query.limit" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/predictive/models", as: "sdr" }),
  },
  "GET /api/v1/predictive/models/active": {
    happy: () => ({ url: "/api/v1/predictive/models/active", as: "sales", status: 200 }),
    invalid: NO_INPUT,
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/predictive/models/active", as: "sdr" }),
  },
  "GET /api/v1/contacts/:id/predictive": {
    happy: (a) => ({ url: `/api/v1/contacts/${a.contactId}/predictive`, as: "sdr", status: 200 }),
    invalid: () => ({ url: "/api/v1/contacts/nope/predictive", field: "params.id" }),
    crossTenant: (_a, b) => ({ url: `/api/v1/contacts/${b.contactId}/predictive` }),
    denied: OPEN,
  },
  "GET /api/v1/audit": {
    happy: () => ({ url: "/api/v1/audit?entity=contact", as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/audit?limit=0", field: "query.limit" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/audit", as: "sales" }),
  },
};

const h = useHarness();
let b: Fixture;

beforeAll(async () => {
  b = await createFixture(h, "Other");
});

async function send(method: string, f: Fixture, r: Req & { expect400?: boolean }) {
  if (r.session) {
    const login = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: f.users[r.as ?? "admin"].email, password: TEST_PASSWORD } });
    const cookie = String([login.headers["set-cookie"]].flat()[0]).split(";")[0]!;
    const csrf = (login.json() as { csrfToken: string }).csrfToken;
    return h.app.inject({ method: method as "POST", url: r.url, payload: r.body as object, headers: { cookie, "x-csrf-token": csrf } });
  }
  const c = caller(h.app, { authorization: `Bearer ${f.users[r.as ?? "admin"].token}` });
  const m = method.toLowerCase() as "get" | "post" | "patch" | "put" | "delete";
  return m === "get" || m === "delete" ? c[m](r.url) : c[m](r.url, r.body);
}

async function auditCount(workspaceId: string): Promise<number> {
  const res = await h.tdb.ownerDb.pool.query("select count(*)::int as n from audit_log where workspace_id = $1", [workspaceId]);
  return res.rows[0].n as number;
}

describe("route sweep", () => {
  it("has a case for every registered /api/v1 route, and no case for a route that does not exist", () => {
    const registered = h.app.routeTable.filter((r) => r.url.startsWith("/api/v1/")).map((r) => `${r.method} ${r.url}`);
    expect(registered.filter((k) => !CASES[k])).toEqual([]);
    expect(Object.keys(CASES).filter((k) => !registered.includes(k))).toEqual([]);
  });

  for (const [key, c] of Object.entries(CASES)) {
    const method = key.split(" ")[0]!;
    describe(key, () => {
      it("happy path", async () => {
        const a = await createFixture(h, "Happy");
        const r = c.happy(a);
        const res = await send(method, a, r);
        expect(res.statusCode, res.body).toBe(r.status);
      });

      if (typeof c.invalid !== "string") {
        const invalid = c.invalid;
        it("bad input is a 400 naming the field and changes nothing", async () => {
          const before = await auditCount(b.workspaceId);
          const r = invalid(b);
          const res = await send(method, b, r);
          expect(res.statusCode, res.body).toBe(400);
          const body = res.json() as { error: string; message: string; details: { path: string }[] };
          expect(body.error).toBe("validation_failed");
          // A list field may name the bad element too (query.stage.0).
          expect(body.details.some((d) => d.path === r.field || d.path.startsWith(`${r.field}.`)), JSON.stringify(body.details)).toBe(true);
          expect(body.message).toContain(r.field);
          expect(await auditCount(b.workspaceId)).toBe(before);
        });
      }

      if (typeof c.crossTenant !== "string") {
        const cross = c.crossTenant;
        it("another workspace's id is a 404 (never 403) and changes nothing there", async () => {
          const a = await createFixture(h, "Probe");
          const before = await auditCount(b.workspaceId);
          const r = cross(a, b) as Req & { expect400?: boolean };
          const res = await send(method, a, { ...r, as: r.as ?? "admin" });
          // A foreign id inside a body is an unknown reference (400 on that field); in the path it is a 404.
          expect(res.statusCode, res.body).toBe(r.expect400 ? 400 : 404);
          expect(await auditCount(b.workspaceId)).toBe(before);
        });
      }

      if (typeof c.denied !== "string") {
        const denied = c.denied;
        it("a role that may not act gets 403 and changes nothing", async () => {
          const before = await auditCount(b.workspaceId);
          const res = await send(method, b, denied(b));
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json()).toMatchObject({ error: "forbidden" });
          expect(await auditCount(b.workspaceId)).toBe(before);
        });
      }
    });
  }
});
