import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { sqlRows } from "../../../../test/csv-export.js";
import { createContentFixture } from "../../../../test/content-fixture.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

const EMAIL = "zephyrine.quixley@erase.example";
const FIRST = "Zephyrine";
const LAST = "Quixley";

/** Every (table.column) of a text, JSON or array column in which any of the patterns occurs (any workspace). */
async function textHits(patterns: string[]): Promise<string[]> {
  const cols = await sqlRows(h, `select table_name, column_name from information_schema.columns
    where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY') order by 1, 2`, []);
  const hits: string[] = [];
  for (const c of cols) {
    const [row] = await sqlRows(h, `select count(*)::int as n from "${String(c.table_name)}" where "${String(c.column_name)}"::text ilike any($1::text[])`, [patterns.map((p) => `%${p}%`)]);
    if ((row!.n as number) > 0) hits.push(`${String(c.table_name)}.${String(c.column_name)}`);
  }
  return hits;
}

/** Every (table.column) of a uuid column holding the id. */
async function idHits(id: string): Promise<string[]> {
  const cols = await sqlRows(h, "select table_name, column_name from information_schema.columns where table_schema = 'public' and data_type = 'uuid' order by 1, 2", []);
  const hits: string[] = [];
  for (const c of cols) {
    const [row] = await sqlRows(h, `select count(*)::int as n from "${String(c.table_name)}" where "${String(c.column_name)}" = $1`, [id]);
    if ((row!.n as number) > 0) hits.push(`${String(c.table_name)}.${String(c.column_name)}`);
  }
  return hits;
}

describe("erasure leaves nothing identifying", () => {
  it("redacts the person from notifications, webhook deliveries, asset events and stored responses; no text column holds the e-mail or names", async () => {
    const ws = await h.workspace("Erase");
    const admin = h.as(ws.users.admin);
    await admin.post("/api/v1/webhooks", { url: "https://93.184.215.14/hooks", events: ["lead.mql", "lead.assigned"] });
    // A form submission with an Idempotency-Key: the stored response names the contact.
    const form = json<{ items: { contactId: string }[] }>(
      await h.as(ws.users.marketing).post("/api/v1/touchpoints/batch", { events: [{ type: "form_submit", email: EMAIL, firstName: FIRST, visitorId: "visitor-erase-1" }] }, { "idempotency-key": "erase-form-1" }),
    );
    const id = form.items[0]!.contactId;
    await admin.patch(`/api/v1/contacts/${id}`, { lastName: LAST });
    await h.as(ws.users.marketing).post(`/api/v1/contacts/${id}/stage`, { stage: "mql" });
    expect((await h.as(ws.users.sdr).post(`/api/v1/contacts/${id}/assign`, { ownerId: ws.users.sales.userId })).statusCode).toBe(201);
    const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Erase Co" }));
    const deal = json<{ id: string }>(await admin.post("/api/v1/deals", { name: "Erase deal", accountId: account.id, primaryContactId: id }));
    await createContentFixture(h, ws, { contactId: id, dealId: deal.id });

    // Before: the person is quoted in notifications, webhook payloads, the stored response, and named by asset events.
    const before = await textHits([EMAIL, FIRST, LAST]);
    expect(before).toEqual(expect.arrayContaining(["contacts.email", "notifications.title", "webhook_deliveries.payload"]));
    expect(await idHits(id)).toEqual(expect.arrayContaining(["asset_events.contact_id", "contacts.id"]));
    expect(await sqlRows(h, "select count(*)::int as n from idempotency_keys where workspace_id = $1 and response::text like $2", [ws.workspaceId, `%${id}%`])).toEqual([{ n: 1 }]);

    expect((await admin.post(`/api/v1/contacts/${id}/erase`, { confirm: "ERASE" })).statusCode).toBe(200);

    expect(await textHits([EMAIL, FIRST, LAST])).toEqual([]);
    // Only the audit entry of the erasure itself keeps the id: who erased which record, when.
    expect(await idHits(id)).toEqual(["audit_log.entity_id"]);
    // What stays, without the person: the notification and the deliveries, the asset's use.
    const notes = await sqlRows(h, "select kind, title, link from notifications where workspace_id = $1 and title like '%[erased]%'", [ws.workspaceId]);
    expect(notes.length).toBeGreaterThan(0);
    expect(notes.every((n) => n.link === null)).toBe(true);
    const deliveries = await sqlRows(h, "select event_type, payload #>> '{data,contact,email}' as email, payload #>> '{data,contact,firstName}' as first from webhook_deliveries where workspace_id = $1 order by event_type", [ws.workspaceId]);
    expect(deliveries).toEqual([
      { event_type: "lead.assigned", email: "[erased]", first: "[erased]" },
      { event_type: "lead.mql", email: "[erased]", first: "[erased]" },
    ]);
    expect((await sqlRows(h, "select count(*)::int as n from asset_events where workspace_id = $1 and contact_id is null", [ws.workspaceId]))[0]!.n).toBeGreaterThan(0);
    expect(await sqlRows(h, "select key from idempotency_keys where workspace_id = $1", [ws.workspaceId])).toEqual([]);
  });

  it("deleting a contact records no e-mail or name in its audit entry", async () => {
    const ws = await h.workspace("Delete");
    const id = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/contacts", { email: "dora.deleted@delete.example", firstName: "Dora" })).id;
    expect((await h.as(ws.users.admin).delete(`/api/v1/contacts/${id}`)).statusCode).toBe(204);
    const [entry] = await sqlRows(h, "select changes from audit_log where workspace_id = $1 and entity_id = $2 and action = 'contact.deleted'", [ws.workspaceId, id]);
    expect(entry!.changes).toEqual({ stage: "lead", hadEmail: true });
  });
});
