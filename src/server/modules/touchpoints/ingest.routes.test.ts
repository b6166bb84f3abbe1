import { describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const NOW = "2026-03-02T09:00:00.000Z";

type Result = { created: number; duplicates: number; suppressed: number; rejected: number; contactsCreated: number; items: { index: number; status: string; id: string | null; contactId: string | null; errors?: { path: string; message: string }[] }[] };

const count = async (ws: TestWorkspace, table: "touchpoints" | "contacts", where = "true") =>
  (await h.tdb.ownerDb.pool.query<{ n: number }>(`select count(*)::int as n from ${table} where workspace_id = $1 and ${where}`, [ws.workspaceId])).rows[0]!.n;

const events = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ clientEventId: `${prefix}-${i}`, type: "page_view", email: `p${i}@${prefix}.example`, occurredAt: NOW }));

async function activateStarter(ws: TestWorkspace) {
  const def = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
  await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${def.id}/propose`);
  await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${def.id}/approve`, { side: "marketing" });
  expect((await h.as(ws.users.sales).post(`/api/v1/lead-definitions/${def.id}/approve`, { side: "sales" })).statusCode).toBe(200);
}

describe("batch ingest and Idempotency-Key", () => {
  it("replays a batch sent again with the same key and stores nothing twice; another body under that key is 422", async () => {
    const ws = await h.workspace();
    const api = h.as(ws.users.marketing);
    const body = { events: events(3, "replay") };
    const first = await api.post("/api/v1/touchpoints/batch", body, { "idempotency-key": "batch-1" });
    expect(first.statusCode, first.body).toBe(200);
    expect(json<Result>(first)).toMatchObject({ created: 3, duplicates: 0, contactsCreated: 3 });
    const again = await api.post("/api/v1/touchpoints/batch", body, { "idempotency-key": "batch-1" });
    expect(again.statusCode).toBe(200);
    expect(again.headers["idempotent-replayed"]).toBe("true");
    expect(json(again)).toEqual(json(first));
    expect(await count(ws, "touchpoints")).toBe(3);
    expect(await count(ws, "contacts")).toBe(3);

    const other = await api.post("/api/v1/touchpoints/batch", { events: events(4, "replay") }, { "idempotency-key": "batch-1" });
    expect(other.statusCode).toBe(422);
    expect(json(other).error).toBe("idempotency_mismatch");
    expect(await count(ws, "touchpoints")).toBe(3);

    // Without a key the client event ids still dedupe: all three come back as duplicates of the stored ones.
    const noKey = json<Result>(await api.post("/api/v1/touchpoints/batch", body));
    expect(noKey).toMatchObject({ created: 0, duplicates: 3 });
    expect(noKey.items.map((i) => i.id)).toEqual(json<Result>(first).items.map((i) => i.id));
    // Keys belong to the credential: another member's same key is a new request (its events are duplicates).
    const otherUser = await h.as(ws.users.admin).post("/api/v1/touchpoints/batch", body, { "idempotency-key": "batch-1" });
    expect(otherUser.headers["idempotent-replayed"]).toBeUndefined();
    expect(json<Result>(otherUser).duplicates).toBe(3);
  });

  it("answers 409 while a request with the same key is in flight", async () => {
    const ws = await h.workspace();
    const token = await h.tdb.ownerDb.pool.query<{ id: string }>("select id from api_tokens where workspace_id = $1 and user_id = $2", [ws.workspaceId, ws.users.marketing.userId]);
    const held = await h.tdb.db.hold(ws.workspaceId);
    try {
      // What an in-flight request holds: the transaction lock on (workspace, credential, key).
      await held.tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${ws.workspaceId}|token:${token.rows[0]!.id}|busy`}, 0))`);
      const res = await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", { events: events(1, "busy") }, { "idempotency-key": "busy" });
      expect(res.statusCode).toBe(409);
      expect(json(res).error).toBe("idempotency_in_flight");
    } finally {
      await held.rollback();
    }
    expect((await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", { events: events(1, "busy") }, { "idempotency-key": "busy" })).statusCode).toBe(200);
  });

  it("reports bad items by index and stores none of the batch unless partial acceptance was asked for", async () => {
    const ws = await h.workspace();
    const api = h.as(ws.users.marketing);
    const mixed = [
      { clientEventId: "m-0", type: "page_view", email: "ok0@mixed.example" },
      { clientEventId: "m-1", type: "no_such_type", email: "bad1@mixed.example" },
      { clientEventId: "m-2", type: "email_click", email: "ok2@mixed.example" },
      { clientEventId: "m-3", type: "page_view", email: "not-an-email" },
      { clientEventId: "m-4", type: "page_view", contactId: "018f0000-0000-7000-8000-000000000000" },
    ];
    const all = await api.post("/api/v1/touchpoints/batch", { events: mixed }, { "idempotency-key": "mixed" });
    expect(all.statusCode).toBe(400);
    expect(json<{ error: string; details: { path: string }[] }>(all).details.map((d) => d.path)).toEqual(["body.events.1.type", "body.events.3.email", "body.events.4.contactId"]);
    expect(await count(ws, "touchpoints")).toBe(0);
    expect(await count(ws, "contacts")).toBe(0);

    const partial = await api.post("/api/v1/touchpoints/batch?partial=true", { events: mixed }, { "idempotency-key": "mixed-partial" });
    expect(partial.statusCode, partial.body).toBe(200);
    const r = json<Result>(partial);
    expect(r).toMatchObject({ created: 2, rejected: 3, duplicates: 0 });
    expect(r.items.map((i) => i.status)).toEqual(["created", "rejected", "created", "rejected", "rejected"]);
    expect(r.items[3]!.errors![0]!.path).toBe("body.events.3.email");
    expect(await count(ws, "touchpoints")).toBe(2);
    // The body flag does the same as the query flag.
    const flagged = json<Result>(await api.post("/api/v1/touchpoints/batch", { events: mixed, partial: true }));
    expect(flagged).toMatchObject({ created: 0, duplicates: 2, rejected: 3 });
  });

  it("dedupes client event ids within a batch", async () => {
    const ws = await h.workspace();
    const r = json<Result>(await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", { events: [...events(2, "dup"), events(1, "dup")[0]] }));
    expect(r).toMatchObject({ created: 2, duplicates: 1 });
    expect(r.items[2]!.id).toBe(r.items[0]!.id);
    expect(await count(ws, "touchpoints")).toBe(2);
  });

  it("stores awkward values exactly as sent (the batch travels as one array parameter per column)", async () => {
    const ws = await h.workspace();
    const awkward = [
      { clientEventId: 'a,b "c" {d} \\e', type: "page_view", visitorId: "visitor-quote-1", channel: "organic_search", occurredAt: NOW, properties: { url: '/p?q="x",y', note: "back\\slash {brace} NULL", emoji: "é ✓ 🙂", nested: { list: [1, "two", null] } } },
      { clientEventId: "NULL", type: "email_open", email: "o'brien@awkward.example", occurredAt: "2026-03-01T23:59:59.123Z", utm: { source: "news,letter", campaign: "q\"1" } },
      { type: "page_view", visitorId: "visitor-quote-2", occurredAt: NOW },
    ];
    const r = json<Result>(await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", { events: awkward }));
    expect(r).toMatchObject({ created: 3, rejected: 0 });
    const rows = (
      await h.tdb.ownerDb.pool.query<{ id: string; client_event_id: string | null; visitor_id: string | null; channel: string | null; properties: unknown; occurred_at: Date; contact_id: string | null }>(
        "select id, client_event_id, visitor_id, channel, properties, occurred_at, contact_id from touchpoints where workspace_id = $1",
        [ws.workspaceId],
      )
    ).rows;
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get(r.items[0]!.id!)).toMatchObject({ client_event_id: 'a,b "c" {d} \\e', visitor_id: "visitor-quote-1", channel: "organic_search", contact_id: null, properties: awkward[0]!.properties });
    expect(byId.get(r.items[1]!.id!)).toMatchObject({ client_event_id: "NULL", visitor_id: null, channel: null, contact_id: r.items[1]!.contactId, properties: { utm: { source: "news,letter", campaign: 'q"1' } } });
    expect(byId.get(r.items[1]!.id!)!.occurred_at.toISOString()).toBe("2026-03-01T23:59:59.123Z");
    // An absent client event id is SQL null, not the text "NULL" (which the second event really sent).
    expect(byId.get(r.items[2]!.id!)).toMatchObject({ client_event_id: null, properties: {} });
  });

  it("resolves identity: e-mail to contact (created when new), domain to account, a visitor's anonymous touches merged on a form submission, scores updated", async () => {
    const ws = await h.workspace();
    await activateStarter(ws);
    const api = h.as(ws.users.marketing);
    const account = json<{ id: string }>(await h.as(ws.users.admin).post("/api/v1/accounts", { name: "Globex", domain: "globex.example" }));
    const anon = json<Result>(await api.post("/api/v1/touchpoints/batch", { events: [{ type: "page_view", visitorId: "visitor-0001", occurredAt: NOW }, { type: "page_view", visitorId: "visitor-0001", occurredAt: NOW }] }));
    expect(anon.items.map((i) => i.contactId)).toEqual([null, null]);

    const form = json<Result>(
      await api.post("/api/v1/touchpoints/batch", {
        events: [{ type: "form_submit", email: "Hank@Globex.example", firstName: "Hank", visitorId: "visitor-0001", occurredAt: NOW, utm: { source: "linkedin", campaign: "q1" } }],
      }),
    );
    expect(form.contactsCreated).toBe(1);
    const contactId = form.items[0]!.contactId!;
    const contact = json<{ email: string; accountId: string; firstName: string; utmFirst: Record<string, string>; utmLast: Record<string, string>; engagementScore: number }>(await api.get(`/api/v1/contacts/${contactId}`));
    expect(contact).toMatchObject({ email: "hank@globex.example", accountId: account.id, firstName: "Hank", utmFirst: { source: "linkedin", campaign: "q1" }, utmLast: { source: "linkedin", campaign: "q1" } });
    // The two anonymous page views now belong to Hank and his account.
    expect(await count(ws, "touchpoints", `contact_id = '${contactId}' and account_id = '${account.id}'`)).toBe(3);
    // Starter rules, all at the same instant (no decay): form submission 15 + two page views 1 each = 17.
    expect(contact.engagementScore).toBe(17);

    // Later anonymous touches of the merged visitor go straight to the contact: 17 + 1 = 18.
    const later = json<Result>(await api.post("/api/v1/touchpoints/batch", { events: [{ type: "page_view", visitorId: "visitor-0001", occurredAt: NOW }] }));
    expect(later.items[0]!.contactId).toBe(contactId);
    expect(json<{ engagementScore: number }>(await api.get(`/api/v1/contacts/${contactId}`)).engagementScore).toBe(18);
    // A second submission updates the last touch and keeps the first.
    await api.post("/api/v1/touchpoints/batch", { events: [{ type: "form_submit", email: "hank@globex.example", occurredAt: NOW, utm: { source: "google" } }] });
    expect(json<{ utmFirst: object; utmLast: object }>(await api.get(`/api/v1/contacts/${contactId}`))).toMatchObject({ utmFirst: { source: "linkedin", campaign: "q1" }, utmLast: { source: "google" } });
  });

  it("makes creating contacts, accounts, deals and campaigns idempotent under a key", async () => {
    const ws = await h.workspace();
    const api = h.as(ws.users.admin);
    const a1 = await api.post("/api/v1/accounts", { name: "Once Inc" }, { "idempotency-key": "acct-1" });
    const a2 = await api.post("/api/v1/accounts", { name: "Once Inc" }, { "idempotency-key": "acct-1" });
    expect([a1.statusCode, a2.statusCode]).toEqual([201, 201]);
    expect(json<{ id: string }>(a2).id).toBe(json<{ id: string }>(a1).id);
    const c1 = json<{ id: string }>(await api.post("/api/v1/contacts", { email: "once@once.example" }, { "idempotency-key": "c-1" }));
    const c2 = await api.post("/api/v1/contacts", { email: "once@once.example" }, { "idempotency-key": "c-1" });
    expect(json<{ id: string }>(c2).id).toBe(c1.id);
    const k1 = json<{ id: string }>(await api.post("/api/v1/campaigns", { name: "Once", channel: "email" }, { "idempotency-key": "k-1" }));
    expect(json<{ id: string }>(await api.post("/api/v1/campaigns", { name: "Once", channel: "email" }, { "idempotency-key": "k-1" })).id).toBe(k1.id);
    const deal = { name: "Once deal", accountId: json<{ id: string }>(a1).id, amount: 1000 };
    const d1 = json<{ id: string }>(await api.post("/api/v1/deals", deal, { "idempotency-key": "d-1" }));
    expect(json<{ id: string }>(await api.post("/api/v1/deals", deal, { "idempotency-key": "d-1" })).id).toBe(d1.id);
    expect((await h.tdb.ownerDb.pool.query("select count(*)::int as n from accounts where workspace_id = $1", [ws.workspaceId])).rows[0].n).toBe(1);
    // A failed request stores nothing: the same key may be retried with a corrected body.
    expect((await api.post("/api/v1/accounts", { name: "" }, { "idempotency-key": "acct-2" })).statusCode).toBe(400);
    expect((await api.post("/api/v1/accounts", { name: "Fixed" }, { "idempotency-key": "acct-2" })).statusCode).toBe(201);
  });

  it("deletes stored responses past 24 hours", async () => {
    const ws = await h.workspace();
    await h.as(ws.users.admin).post("/api/v1/accounts", { name: "Old" }, { "idempotency-key": "old" });
    const { deleteExpiredIdempotencyKeys } = await import("../../platform/http/idempotency.js");
    expect(await deleteExpiredIdempotencyKeys(h.tdb.db, ws.workspaceId, new Date(Date.parse(NOW) + 23 * 3_600_000))).toBe(0);
    expect(await deleteExpiredIdempotencyKeys(h.tdb.db, ws.workspaceId, new Date(Date.parse(NOW) + 25 * 3_600_000))).toBe(1);
  });
});
