import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { multipartFile } from "../../../../test/multipart.js";
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

  it("empties the person's records in stored import files and error reports; other rows and row numbers stay", async () => {
    const ws = await h.workspace("Erase imports");
    const admin = h.as(ws.users.admin);
    const email = "Quentin.Quarry@Import.example";
    // Row 1 Quentin (created), row 2 Ada, row 3 Quentin again in other letter case (skipped: a duplicate in the file),
    // row 4 a bad e-mail (failed), row 5 another bad row whose quoted title (with a comma) quotes Quentin's e-mail (failed).
    const csv = ["email,first name,last name,title", `${email},Quentin,Quarry,CTO`, "ada@import.example,Ada,Lovelace,CFO", `${email.toLowerCase()},Q,Quarry,`, "not-an-email,Bad,Row,", `bob-at-import.example,Bob,"Builder, Jr.","Met ${email.toUpperCase()} at a fair"`].join("\n");
    const { payload, headers } = multipartFile("people.csv", csv);
    const up = await h.app.inject({ method: "POST", url: "/api/v1/imports?entity=contacts&preset=generic", payload, headers: { ...headers, authorization: `Bearer ${ws.users.admin.token}` } });
    expect(up.statusCode, up.body).toBe(201);
    const imp = json<{ id: string }>(up);
    expect((await admin.post(`/api/v1/imports/${imp.id}/start`, { mapping: { email: "email", firstName: "first name", lastName: "last name", title: "title" } })).statusCode).toBe(202);
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const done = json<{ created: number; skipped: number; failed: number }>(await admin.get(`/api/v1/imports/${imp.id}`));
    expect(done).toMatchObject({ created: 2, skipped: 1, failed: 2 });
    const [job] = await sqlRows(h, "select file_path from import_jobs where workspace_id = $1 and id = $2", [ws.workspaceId, imp.id]);
    const file = path.join(os.tmpdir(), "tandem-data", "imports", String(job!.file_path));
    expect(fs.readFileSync(file, "utf8").toLowerCase()).toContain(email.toLowerCase());

    const quentin = (await sqlRows(h, "select id from contacts where workspace_id = $1 and lower(email) = lower($2)", [ws.workspaceId, email]))[0]!.id as string;
    expect((await admin.post(`/api/v1/contacts/${quentin}/erase`, { confirm: "ERASE" })).statusCode).toBe(200);

    // The file keeps its six records (header + 5) in place; rows 1, 3 and 5 are empty, Ada's and the bad row are as they were.
    const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
    expect(lines).toEqual(["email,first name,last name,title", ",,,", "ada@import.example,Ada,Lovelace,CFO", ",,,", "not-an-email,Bad,Row,", ",,,"]);
    expect(await textHits([email, "Quentin", "Quarry"])).toEqual([]);
    // The error report still lists the three refused rows by number; Quentin's duplicate and the row quoting him have no cells.
    const report = await admin.get(`/api/v1/imports/${imp.id}/errors.csv`);
    expect(report.body.toLowerCase()).not.toContain("quarry");
    expect(report.body).toContain("not-an-email");
    expect(report.body).toMatch(/row 3/);
    expect(report.body).toMatch(/row 5/);
    expect(report.body).not.toContain("Builder");

    // An old export imported again does not bring Quentin back (any letter case); Ada is updated as usual.
    const again = multipartFile("old-export.csv", ["email,first name", `${email.toUpperCase()},Quentin`, "ada@import.example,Ada"].join("\n"));
    const up2 = await h.app.inject({ method: "POST", url: "/api/v1/imports?entity=contacts&preset=generic", payload: again.payload, headers: { ...again.headers, authorization: `Bearer ${ws.users.admin.token}` } });
    const imp2 = json<{ id: string }>(up2);
    expect((await admin.post(`/api/v1/imports/${imp2.id}/start`, { mapping: { email: "email", firstName: "first name" } })).statusCode).toBe(202);
    await h.modules.jobs.jobs.drain(ws.workspaceId);
    expect(json<{ created: number; updated: number; skipped: number }>(await admin.get(`/api/v1/imports/${imp2.id}`))).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect(await sqlRows(h, "select count(*)::int as n from contacts where workspace_id = $1 and lower(email) = lower($2)", [ws.workspaceId, email])).toEqual([{ n: 0 }]);
    expect((await admin.get(`/api/v1/imports/${imp2.id}/errors.csv`)).body).toContain("row 1: this person was erased (GDPR); the contact is not recreated");
  });

  it("deleting a contact records no e-mail or name in its audit entry", async () => {
    const ws = await h.workspace("Delete");
    const id = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/contacts", { email: "dora.deleted@delete.example", firstName: "Dora" })).id;
    expect((await h.as(ws.users.admin).delete(`/api/v1/contacts/${id}`)).statusCode).toBe(204);
    const [entry] = await sqlRows(h, "select changes from audit_log where workspace_id = $1 and entity_id = $2 and action = 'contact.deleted'", [ws.workspaceId, id]);
    expect(entry!.changes).toEqual({ stage: "lead", hadEmail: true });
  });
});
