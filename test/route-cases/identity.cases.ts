/** Route-sweep cases: sign-in, tokens, users, teams, invitations, reason codes, audit. */
import { TEST_PASSWORD } from "../harness.js";
import { type Case, OPEN, NO_ID, NO_INPUT, PUBLIC } from "./case.js";

export const IDENTITY_CASES: Record<string, Case> = {
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
  "GET /api/v1/audit": {
    happy: () => ({ url: "/api/v1/audit?entity=contact", as: "manager", status: 200 }),
    invalid: () => ({ url: "/api/v1/audit?limit=0", field: "query.limit" }),
    crossTenant: NO_ID,
    denied: () => ({ url: "/api/v1/audit", as: "sales" }),
  },
};
