import { describe, expect, it } from "vitest";
import { json, useHarness } from "./harness.js";

const h = useHarness();

describe("app", () => {
  it("answers health without authentication", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(json(res)).toEqual({ ok: true, db: true });
  });

  it("serves an OpenAPI document describing every /api/v1 route, publicly", async () => {
    const res = await h.app.inject({ method: "GET", url: "/api/docs/json" });
    expect(res.statusCode).toBe(200);
    const doc = json<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(res);
    expect(doc.openapi).toBe("3.1.0");
    for (const r of h.app.routeTable.filter((x) => x.url.startsWith("/api/v1/"))) {
      const path = r.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${path} documented`).toBeDefined();
    }
    expect((await h.app.inject({ method: "GET", url: "/api/docs" })).statusCode).toBeLessThan(400);
  });

  it("requires authentication on API routes and answers unknown routes with the error shape", async () => {
    const anon = await h.app.inject({ method: "GET", url: "/api/v1/contacts" });
    expect(anon.statusCode).toBe(401);
    expect(json(anon)).toMatchObject({ error: "unauthenticated" });
    const missing = await h.app.inject({ method: "GET", url: "/api/v1/nothing-here" });
    expect(missing.statusCode).toBe(404);
    expect(json(missing)).toEqual({ error: "not_found", message: "No route GET /api/v1/nothing-here" });
  });

  it("turns malformed JSON into a 400 on the body", async () => {
    const ws = await h.workspace();
    const res = await h.app.inject({
      method: "POST",
      url: "/api/v1/accounts",
      headers: { authorization: `Bearer ${ws.users.admin.token}`, "content-type": "application/json" },
      payload: "{not json",
    });
    expect(res.statusCode).toBe(400);
    expect(json(res)).toMatchObject({ error: "validation_failed", details: [{ path: "body" }] });
  });

  it("lists every validation problem, each with its path", async () => {
    const ws = await h.workspace();
    const res = await h.as(ws.users.admin).post("/api/v1/accounts", { name: "", employees: -3, domain: "not a domain" });
    expect(res.statusCode).toBe(400);
    const paths = json<{ details: { path: string }[] }>(res).details.map((d) => d.path).sort();
    expect(paths).toEqual(["body.domain", "body.employees", "body.name"]);
  });
});
