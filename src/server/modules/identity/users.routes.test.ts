import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, caller, json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

describe("users, invitations and tokens", () => {
  it("admin invites a user who accepts, sets a password and lands in the workspace with the invited role", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const created = json<{ invitation: { url: string; role: string } }>(await admin.post("/api/v1/users", { email: "New.Rep@Example.com", name: "New Rep", role: "sdr" }));
    expect(created.invitation.role).toBe("sdr");
    const token = created.invitation.url.split("/invite/")[1]!;
    expect(json<{ items: unknown[] }>(await admin.get("/api/v1/invitations")).items).toHaveLength(1);
    const accepted = await h.app.inject({ method: "POST", url: "/api/v1/auth/accept-invite", payload: { token, password: "a brand new password" } });
    expect(accepted.statusCode).toBe(200);
    expect(json(accepted)).toMatchObject({ role: "sdr", user: { email: "new.rep@example.com" } });
    // The link works once.
    const reused = await h.app.inject({ method: "POST", url: "/api/v1/auth/accept-invite", payload: { token, password: "a brand new password" } });
    expect(reused.statusCode).toBe(404);
    const login = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "new.rep@example.com", password: "a brand new password" } });
    expect(login.statusCode).toBe(200);
    expect(json<{ items: unknown[] }>(await admin.get("/api/v1/invitations")).items).toHaveLength(0);
  });

  it("keeps at least one active admin, and a deactivated member loses access at once", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const demote = await admin.patch(`/api/v1/users/${ws.users.admin.userId}`, { role: "manager" });
    expect(demote.statusCode).toBe(409);
    expect((await h.as(ws.users.sales).get("/api/v1/auth/me")).statusCode).toBe(200);
    const off = json<{ active: boolean }>(await admin.patch(`/api/v1/users/${ws.users.sales.userId}`, { active: false }));
    expect(off.active).toBe(false);
    expect((await h.as(ws.users.sales).get("/api/v1/auth/me")).statusCode).toBe(401);
    const denied = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ws.users.sales.email, password: TEST_PASSWORD } });
    expect(denied.statusCode).toBe(401);
  });

  it("shows an API token once, stores only its hash, honours read scope and revocation", async () => {
    const ws = await h.workspace();
    const sales = h.as(ws.users.sales);
    const created = json<{ id: string; token: string; prefix: string }>(await sales.post("/api/v1/tokens", { name: "reader", scopes: ["read"] }));
    expect(created.token.startsWith(created.prefix)).toBe(true);
    const stored = await h.tdb.ownerDb.pool.query("select token_hash from api_tokens where id = $1", [created.id]);
    expect(stored.rows[0].token_hash).not.toContain(created.token);
    expect(json<{ items: { id: string }[] }>(await sales.get("/api/v1/tokens")).items.map((t) => t.id)).toContain(created.id);
    expect(JSON.stringify(json(await sales.get("/api/v1/tokens")))).not.toContain(created.token);
    const reader = caller(h.app, { authorization: `Bearer ${created.token}` });
    expect((await reader.get("/api/v1/accounts")).statusCode).toBe(200);
    const write = await reader.post("/api/v1/accounts", { name: "Nope" });
    expect(write.statusCode).toBe(403);
    // Another member's token is not theirs to see or revoke.
    expect((await h.as(ws.users.sdr).delete(`/api/v1/tokens/${created.id}`)).statusCode).toBe(404);
    expect((await sales.delete(`/api/v1/tokens/${created.id}`)).statusCode).toBe(204);
    expect((await reader.get("/api/v1/accounts")).statusCode).toBe(401);
    expect((await caller(h.app, { authorization: "Bearer tdm_garbage" }).get("/api/v1/accounts")).statusCode).toBe(401);
  });

  it("limits login attempts per minute", async () => {
    const { buildApp } = await import("../../app.js");
    const app = await buildApp({ db: h.tdb.db, clock: h.clock, logLevel: "silent", sessionKey: "k".repeat(40), publicUrl: "http://t", loginRateLimitPerMinute: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "who@example.com", password: "wrong-password" } });
      codes.push(res.statusCode);
      if (res.statusCode === 429) {
        expect(res.headers["retry-after"]).toBeDefined();
        expect(json(res)).toMatchObject({ error: "rate_limited" });
      }
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await app.close();
  });
});
