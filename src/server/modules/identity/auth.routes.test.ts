import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, caller, json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

function cookieOf(res: { headers: Record<string, unknown> }): string {
  const raw = res.headers["set-cookie"];
  const first = Array.isArray(raw) ? raw[0] : raw;
  return String(first).split(";")[0] ?? "";
}

describe("auth", () => {
  it("signs in with e-mail and password, sets an HttpOnly cookie and returns a CSRF token", async () => {
    const ws = await h.workspace();
    const res = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ws.users.sales.email, password: TEST_PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers["set-cookie"])).toMatch(/tandem_session=.*HttpOnly/i);
    const me = json<{ role: string; csrfToken: string; workspace: { id: string } }>(res);
    expect(me.role).toBe("sales");
    expect(me.workspace.id).toBe(ws.workspaceId);
    expect(me.csrfToken).toBeTruthy();
  });

  it("refuses a wrong password with 401 and the same message as an unknown e-mail", async () => {
    const ws = await h.workspace();
    const wrong = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ws.users.sales.email, password: "nope-nope-nope" } });
    const unknown = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "nobody@nowhere.test", password: "nope-nope-nope" } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(json(wrong).message).toBe(json(unknown).message);
  });

  it("names the field when the login body is invalid", async () => {
    const res = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: "not-an-email", password: "x" } });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: "validation_failed" });
    expect(json(res).message).toContain("body.email");
  });

  it("requires the CSRF header for cookie-authenticated writes", async () => {
    const ws = await h.workspace();
    const login = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ws.users.admin.email, password: TEST_PASSWORD } });
    const cookie = cookieOf(login);
    const csrf = json<{ csrfToken: string }>(login).csrfToken;
    const withoutCsrf = await caller(h.app, { cookie }).post("/api/v1/teams", { name: "East" });
    expect(withoutCsrf.statusCode).toBe(403);
    const withCsrf = await caller(h.app, { cookie, "x-csrf-token": csrf }).post("/api/v1/teams", { name: "East" });
    expect(withCsrf.statusCode).toBe(201);
    const read = await caller(h.app, { cookie }).get("/api/v1/teams");
    expect(read.statusCode).toBe(200);
  });

  it("expires a session after the idle timeout and ends it on logout", async () => {
    const ws = await h.workspace();
    const login = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ws.users.sdr.email, password: TEST_PASSWORD } });
    const cookie = cookieOf(login);
    const csrf = json<{ csrfToken: string }>(login).csrfToken;
    expect((await caller(h.app, { cookie }).get("/api/v1/auth/me")).statusCode).toBe(200);
    h.clock.advance(13 * 3_600_000); // default idle timeout is 12 h
    expect((await caller(h.app, { cookie }).get("/api/v1/auth/me")).statusCode).toBe(401);

    const again = await h.app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { email: ws.users.sdr.email, password: TEST_PASSWORD } });
    const c2 = cookieOf(again);
    const out = await caller(h.app, { cookie: c2, "x-csrf-token": json<{ csrfToken: string }>(again).csrfToken }).post("/api/v1/auth/logout");
    expect(out.statusCode).toBe(200);
    expect((await caller(h.app, { cookie: c2 }).get("/api/v1/auth/me")).statusCode).toBe(401);
    expect(csrf).not.toBe(json<{ csrfToken: string }>(again).csrfToken);
  });

  it("stores passwords as argon2id hashes", async () => {
    const ws = await h.workspace();
    const res = await h.tdb.ownerDb.pool.query("select password_hash from users where email = $1", [ws.users.marketing.email]);
    expect(res.rows[0].password_hash).toMatch(/^\$argon2id\$/);
  });
});
