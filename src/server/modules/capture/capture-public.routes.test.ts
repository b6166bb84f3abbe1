import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance, InjectOptions } from "fastify";
import { TEST_SESSION_KEY, json, useHarness, type TestWorkspace } from "../../../../test/harness.js";
import { buildApp } from "../../app.js";
import type { CaptureSettings } from "../../../shared/contracts/capture.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const ORIGIN = "https://www.acme.example";
const EVENTS = "/api/capture/v1/events";
const FORMS = "/api/capture/v1/forms";

let ws: TestWorkspace;
let key: string;

beforeAll(async () => {
  ws = await h.workspace("Capture");
  await h.as(ws.users.admin).put("/api/v1/capture/settings/origins", { allowedOrigins: [ORIGIN, "https://shop.acme.example"] });
  key = json<CaptureSettings>(await h.as(ws.users.admin).get("/api/v1/capture/settings")).publishableKey!;
});

type Opts = { origin?: string | null; app?: FastifyInstance; contentType?: string; ip?: string; key?: string | null };
function post(url: string, body: unknown, o: Opts = {}) {
  const headers: Record<string, string> = { "content-type": o.contentType ?? "application/json" };
  if (o.origin !== null) headers.origin = o.origin ?? ORIGIN;
  const k = o.key === undefined ? key : o.key;
  const req: InjectOptions = { method: "POST", url: k ? `${url}?key=${encodeURIComponent(k)}` : url, headers, payload: typeof body === "string" ? body : JSON.stringify(body), remoteAddress: o.ip ?? "203.0.113.7" };
  return (o.app ?? h.app).inject(req);
}

const rows = (text: string, params: unknown[] = []) => h.tdb.ownerDb.pool.query(text, [ws.workspaceId, ...params]).then((r) => r.rows);
const countTouches = async () => Number((await rows("select count(*)::int as n from touchpoints where workspace_id = $1"))[0].n);
const countContacts = async () => Number((await rows("select count(*)::int as n from contacts where workspace_id = $1"))[0].n);

describe("public capture endpoints", () => {
  it("records anonymous page views, then a form submission creates the contact and merges the visitor's earlier views", async () => {
    const visitor = "v_merge0000000001";
    const first = await post(EVENTS, { visitorId: visitor, clientEventId: "pv-merge-0001", url: "https://www.acme.example/pricing?utm_source=linkedin&utm_campaign=q1", title: "Pricing", referrer: "https://www.linkedin.com/", utm: { source: "linkedin", campaign: "q1" } });
    expect(first.statusCode, first.body).toBe(202);
    // Write-only: the answer carries no workspace data, and the allowed origin may read it.
    expect(json(first)).toEqual({ accepted: true });
    expect(first.headers["access-control-allow-origin"]).toBe(ORIGIN);
    expect(first.headers.vary).toContain("Origin");
    // navigator.sendBeacon sends text/plain: the body is still JSON.
    const beacon = await post(EVENTS, JSON.stringify({ visitorId: visitor, clientEventId: "pv-merge-0002", url: "https://www.acme.example/demo", utm: { source: "google", medium: "cpc" } }), { contentType: "text/plain;charset=UTF-8" });
    expect(beacon.statusCode, beacon.body).toBe(202);
    const anon = await rows("select type, contact_id, source, client_event_id, properties from touchpoints where workspace_id = $1 and visitor_id = $2 order by client_event_id", [visitor]);
    expect(anon.map((r) => [r.type, r.contact_id, r.source, r.client_event_id])).toEqual([
      ["page_view", null, "tracking", "web:pv-merge-0001"],
      ["page_view", null, "tracking", "web:pv-merge-0002"],
    ]);
    expect(anon[0].properties).toEqual({ url: "https://www.acme.example/pricing?utm_source=linkedin&utm_campaign=q1", title: "Pricing", referrer: "https://www.linkedin.com/", utm: { source: "linkedin", campaign: "q1" } });

    const form = await post(FORMS, {
      visitorId: visitor, clientEventId: "form-merge-0001", formId: "demo-request", url: "https://www.acme.example/demo",
      fields: { email: "Ada@Acme-Corp.example", firstName: "Ada", last_name: "Lovelace", company: "Acme Corp", interests: ["api", "reports"], tandem_hp: "" },
      utm: { source: "google", medium: "cpc" }, firstTouch: { source: "linkedin", campaign: "q1" },
    });
    expect(form.statusCode, form.body).toBe(202);
    expect(json(form)).toEqual({ accepted: true });
    const [contact] = await rows("select id, email, first_name, last_name, stage, utm_first, utm_last from contacts where workspace_id = $1 and email = 'ada@acme-corp.example'");
    expect(contact).toMatchObject({ first_name: "Ada", last_name: "Lovelace", stage: "lead", utm_first: { source: "linkedin", campaign: "q1" }, utm_last: { source: "google", medium: "cpc" } });
    const touches = await rows("select type, source, properties from touchpoints where workspace_id = $1 and contact_id = $2 order by type, client_event_id", [contact.id]);
    // Two merged page views and the submission itself.
    expect(touches.map((t) => t.type)).toEqual(["form_submit", "page_view", "page_view"]);
    expect(touches[0]).toMatchObject({ source: "form", properties: { formId: "demo-request", url: "https://www.acme.example/demo", fields: { company: "Acme Corp", interests: ["api", "reports"] } } });
    expect(await rows("select visitor_id from visitors where workspace_id = $1 and contact_id = $2", [contact.id])).toEqual([{ visitor_id: visitor }]);

    // A later view of the merged visitor lands on the contact at once.
    await post(EVENTS, { visitorId: visitor, clientEventId: "pv-merge-0003" });
    expect((await rows("select contact_id from touchpoints where workspace_id = $1 and client_event_id = 'web:pv-merge-0003'"))[0].contact_id).toBe(contact.id);
    // Anonymous page views leave no audit entry each; the form submission is audited as an ingest from "form".
    const audit = await rows("select changes from audit_log where workspace_id = $1 and action = 'touchpoints.ingested'");
    expect(audit.map((a) => a.changes.source)).toEqual(["form"]);
  });

  it("stores a replayed event (same client event id) once, and keeps submitted markup as data", async () => {
    const body = { visitorId: "v_replay000000001", clientEventId: "form-replay-0001", fields: { email: "xss@replay.example", firstName: '<img src=x onerror="window.__xss=1">', note: "<script>alert(1)</script>" } };
    expect((await post(FORMS, body)).statusCode).toBe(202);
    expect((await post(FORMS, body)).statusCode).toBe(202);
    expect((await post(EVENTS, { visitorId: "v_replay000000001", clientEventId: "pv-replay-0001" })).statusCode).toBe(202);
    expect((await post(EVENTS, { visitorId: "v_replay000000001", clientEventId: "pv-replay-0001" })).statusCode).toBe(202);
    expect(await rows("select client_event_id from touchpoints where workspace_id = $1 and client_event_id like 'web:%replay%' order by 1")).toEqual([{ client_event_id: "web:form-replay-0001" }, { client_event_id: "web:pv-replay-0001" }]);
    const [c] = await rows("select first_name from contacts where workspace_id = $1 and email = 'xss@replay.example'");
    expect(c.first_name).toBe('<img src=x onerror="window.__xss=1">');
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    const [t, c] = [await countTouches(), await countContacts()];
    const res = await post(FORMS, { visitorId: "v_bot00000000001", fields: { email: "bot@spam.example", firstName: "Bot", tandem_hp: "http://spam.example" } });
    expect(res.statusCode).toBe(202);
    expect(json(res)).toEqual({ accepted: true });
    expect([await countTouches(), await countContacts()]).toEqual([t, c]);
  });

  it("refuses an unknown, malformed, missing or rotated key with 401 and stores nothing", async () => {
    const t = await countTouches();
    const wrongSecret = `${key.slice(0, 36)}${"A".repeat(32)}`;
    for (const k of [wrongSecret, "pk_nope", null]) {
      const res = await post(EVENTS, { visitorId: "v_keytest00000001" }, { key: k });
      expect(res.statusCode, String(k)).toBe(401);
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
    }
    // The key may also come in the X-Tandem-Key header or the body.
    expect((await h.app.inject({ method: "POST", url: EVENTS, headers: { origin: ORIGIN, "x-tandem-key": key }, payload: { visitorId: "v_keytest00000001" } })).statusCode).toBe(202);
    expect((await post(EVENTS, { key, visitorId: "v_keytest00000001" }, { key: null })).statusCode).toBe(202);
    expect(await countTouches()).toBe(t + 2);

    const other = await h.workspace("Rotate");
    await h.as(other.users.admin).put("/api/v1/capture/settings/origins", { allowedOrigins: [ORIGIN] });
    const old = json<CaptureSettings>(await h.as(other.users.admin).get("/api/v1/capture/settings")).publishableKey!;
    expect((await post(EVENTS, { visitorId: "v_rotate000000001" }, { key: old })).statusCode).toBe(202);
    const fresh = json<CaptureSettings>(await h.as(other.users.admin).post("/api/v1/capture/settings/key")).publishableKey!;
    expect((await post(EVENTS, { visitorId: "v_rotate000000001" }, { key: old })).statusCode).toBe(401);
    expect((await post(EVENTS, { visitorId: "v_rotate000000001" }, { key: fresh })).statusCode).toBe(202);
  });

  it("allows only the workspace's origins (and Tandem's own): preflight and actual request", async () => {
    const pre = (origin: string) => h.app.inject({ method: "OPTIONS", url: `${FORMS}?key=${key}`, headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    const ok = await pre("https://shop.acme.example");
    expect(ok.statusCode).toBe(204);
    expect(ok.headers).toMatchObject({ "access-control-allow-origin": "https://shop.acme.example", "access-control-allow-methods": "POST, OPTIONS", "access-control-allow-headers": "content-type, x-tandem-key" });
    const denied = await pre("https://evil.example");
    expect(denied.statusCode).toBe(403);
    expect(denied.headers["access-control-allow-origin"]).toBeUndefined();

    const t = await countTouches();
    const evil = await post(EVENTS, { visitorId: "v_cors0000000001" }, { origin: "https://evil.example" });
    expect(evil.statusCode).toBe(403);
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    expect(json(evil).message).toContain("https://evil.example");
    // A look-alike (another scheme or port) is another origin.
    expect((await post(EVENTS, { visitorId: "v_cors0000000001" }, { origin: "https://www.acme.example:8443" })).statusCode).toBe(403);
    // No Origin at all: not a browser on an allowed page.
    expect((await post(EVENTS, { visitorId: "v_cors0000000001" }, { origin: null })).statusCode).toBe(403);
    expect(await countTouches()).toBe(t);
    // Tandem's own pages (the example page) are same-origin.
    const self = await h.app.inject({ method: "POST", url: `${EVENTS}?key=${key}`, headers: { origin: "http://tandem.test", host: "tandem.test" }, payload: { visitorId: "v_cors0000000001" } });
    expect(self.statusCode, self.body).toBe(202);
    expect(await countTouches()).toBe(t + 1);
  });

  it("does not recreate an erased person", async () => {
    await post(FORMS, { fields: { email: "gone@erase.example", firstName: "Gone" } });
    const [c] = await rows("select id from contacts where workspace_id = $1 and email = 'gone@erase.example'");
    expect((await h.as(ws.users.admin).post(`/api/v1/contacts/${c.id}/erase`, { confirm: "ERASE" })).statusCode).toBe(200);
    const [t, n] = [await countTouches(), await countContacts()];
    const again = await post(FORMS, { visitorId: "v_erased00000001", fields: { email: "GONE@erase.example", firstName: "Gone" } });
    // The same answer as any submission: the page learns nothing about the suppression list.
    expect(again.statusCode).toBe(202);
    expect(json(again)).toEqual({ accepted: true });
    expect([await countTouches(), await countContacts()]).toEqual([t, n]);
  });

  it("names the bad field, refuses bodies that are not JSON and limits the payload size", async () => {
    const bad = async (url: string, body: unknown, field: string, o: Opts = {}) => {
      const res = await post(url, body, o);
      expect(res.statusCode, res.body).toBe(400);
      const b = json<{ error: string; message: string; details: { path: string }[] }>(res);
      expect(b.error).toBe("validation_failed");
      expect(b.details.map((d) => d.path)).toContain(field);
    };
    const t = await countTouches();
    await bad(FORMS, { fields: { firstName: "No e-mail" } }, "body.fields.email");
    await bad(FORMS, { fields: { email: "not-an-address" } }, "body.fields.email");
    await bad(FORMS, { fields: { email: "a@b.example" }, visitorId: "<script>" }, "body.visitorId");
    await bad(EVENTS, { visitorId: "v_valid000000001", url: "x".repeat(2001) }, "body.url");
    await bad(EVENTS, { visitorId: "v_valid000000001", utm: { source: "x", evil: "y" } }, "body.utm");
    await bad(EVENTS, "{not json", "body", { contentType: "text/plain" });
    const big = await post(FORMS, { fields: { email: "big@size.example", message: "x".repeat(1999) }, formId: "f", title: "t".repeat(500), url: `https://x.example/${"p".repeat(1900)}`, referrer: "r".repeat(2000), utm: {}, firstTouch: {}, clientEventId: "big-size-0001", visitorId: "v_big0000000001", ...{ extra: "y".repeat(40_000) } });
    expect(big.statusCode).toBe(413);
    expect(await countTouches()).toBe(t);
  });

  it("serves the snippet (cacheable) and the example page with the key escaped", async () => {
    const js = await h.app.inject({ method: "GET", url: "/t.js" });
    expect(js.statusCode).toBe(200);
    expect(js.headers["content-type"]).toBe("application/javascript; charset=utf-8");
    expect(js.headers["cache-control"]).toBe("public, max-age=3600");
    expect(js.body).toContain("data-tandem-form");
    // Small: it is loaded on every page of the customer's site.
    expect(js.body.length).toBeLessThan(6_000);
    const again = await h.app.inject({ method: "GET", url: "/t.js", headers: { "if-none-match": String(js.headers.etag) } });
    expect(again.statusCode).toBe(304);

    const page = await h.app.inject({ method: "GET", url: `/capture/example?key=${key}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<script src="/t.js" data-key="${key}" defer></script>`);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    const hostile = await h.app.inject({ method: "GET", url: `/capture/example?key=${encodeURIComponent('"><script>alert(1)</script>')}` });
    expect(hostile.statusCode).toBe(200);
    expect(hostile.body).not.toContain("<script>alert");
    expect(hostile.body).not.toContain("/t.js");
  });
});

describe("public capture rate limit", () => {
  let limited: FastifyInstance;
  beforeAll(async () => {
    limited = await buildApp({ db: h.tdb.db, clock: h.clock, logLevel: "silent", sessionKey: TEST_SESSION_KEY, publicUrl: "http://tandem.test", captureRateLimitPerMinute: 3 });
  });
  afterAll(async () => {
    await limited?.close();
  });

  it("answers 429 with Retry-After after the limit per key and IP; another IP keeps its own budget", async () => {
    const send = (ip: string) => post(FORMS, { fields: { email: "rl@limit.example", tandem_hp: "bot" } }, { app: limited, ip });
    for (let i = 0; i < 3; i++) expect((await send("198.51.100.1")).statusCode).toBe(202);
    const over = await send("198.51.100.1");
    expect(over.statusCode).toBe(429);
    expect(json(over).error).toBe("rate_limited");
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
    expect(Number(over.headers["retry-after"])).toBeLessThanOrEqual(60);
    expect((await send("198.51.100.2")).statusCode).toBe(202);
  });
});
