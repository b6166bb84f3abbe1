import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";
import { emailHash } from "./index.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

type Export = { contact: { id: string; email: string }; touchpoints: { id: string; visitor_id: string | null }[]; stageTransitions: unknown[]; deals: { name: string; role: string }[]; visitorIds: string[]; auditEntries: { action: string }[] };

describe("GDPR export and erase", () => {
  it("exports everything about a contact, erases it everywhere, suppresses the e-mail and audits both without the personal data", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const mkt = h.as(ws.users.marketing);
    // Two anonymous page views, then a form submission that identifies the visitor: three touches in all.
    await mkt.post("/api/v1/touchpoints/batch", { events: [{ type: "page_view", visitorId: "visitor-gdpr-1" }, { type: "page_view", visitorId: "visitor-gdpr-1" }] });
    const form = json<{ items: { contactId: string }[] }>(await mkt.post("/api/v1/touchpoints/batch", { events: [{ type: "form_submit", email: "erin@erase.example", firstName: "Erin", visitorId: "visitor-gdpr-1" }] }));
    const id = form.items[0]!.contactId;
    await admin.patch(`/api/v1/contacts/${id}`, { lastName: "Example", properties: { shoeSize: 42 } });
    const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Erase Co" }));
    const deal = json<{ id: string }>(await admin.post("/api/v1/deals", { name: "Erase deal", accountId: account.id, primaryContactId: id, amount: 500 }));

    expect((await mkt.get(`/api/v1/contacts/${id}/export`)).statusCode).toBe(403);
    const exp = await h.as(ws.users.manager).get(`/api/v1/contacts/${id}/export`);
    expect(exp.statusCode, exp.body).toBe(200);
    expect(exp.headers["content-disposition"]).toBe(`attachment; filename="contact-${id}.json"`);
    const doc = json<Export>(exp);
    expect(doc.contact).toMatchObject({ id, email: "erin@erase.example", last_name: "Example", properties: { shoeSize: 42 } });
    expect(doc.touchpoints).toHaveLength(3);
    expect(doc.visitorIds).toEqual(["visitor-gdpr-1"]);
    // Created as a lead by the form; opening a deal with it as primary contact moves it on.
    expect((doc.stageTransitions as { to_stage: string }[])[0]!.to_stage).toBe("lead");
    expect(doc.deals).toEqual([expect.objectContaining({ id: deal.id, name: "Erase deal", is_primary_contact: true })]);
    expect(doc.auditEntries.map((a) => a.action)).toContain("contact.updated");

    expect((await h.as(ws.users.manager).post(`/api/v1/contacts/${id}/erase`, { confirm: "ERASE" })).statusCode).toBe(403);
    const noConfirm = await admin.post(`/api/v1/contacts/${id}/erase`, { confirm: "yes" });
    expect(noConfirm.statusCode).toBe(400);
    expect(json(noConfirm).message).toContain("body.confirm");
    const erased = await admin.post(`/api/v1/contacts/${id}/erase`, { confirm: "ERASE" });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(json(erased)).toEqual({ contactId: id, erased: true, suppressed: true, touchpointsDeleted: 3 });

    const q = (text: string) => h.tdb.ownerDb.pool.query(text, [ws.workspaceId, id]).then((r) => r.rows);
    expect(await q("select id from contacts where workspace_id = $1 and id = $2")).toEqual([]);
    expect(await q("select id from touchpoints where workspace_id = $1 and (contact_id = $2 or visitor_id = 'visitor-gdpr-1')")).toEqual([]);
    expect(await q("select contact_id from stage_transitions where workspace_id = $1 and contact_id = $2")).toEqual([]);
    expect(await q("select visitor_id from visitors where workspace_id = $1 and contact_id = $2")).toEqual([]);
    // The deal stays, without the person.
    expect(await q("select primary_contact_id from deals where workspace_id = $1 and primary_contact_id is null and name = 'Erase deal' and $2::uuid is not null")).toHaveLength(1);
    // The audit keeps who did what and when, but no personal data about the erased contact.
    const audit = await q("select action, changes from audit_log where workspace_id = $1 and entity_id = $2 order by at, id");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(["contact.updated", "contact.exported", "contact.erased"]));
    expect(JSON.stringify(audit)).not.toMatch(/erin|Example|shoeSize/i);
    const suppressed = await h.tdb.ownerDb.pool.query("select email_hash from suppressions where workspace_id = $1", [ws.workspaceId]);
    expect(suppressed.rows).toEqual([{ email_hash: emailHash(ws.workspaceId, "erin@erase.example") }]);

    // A later ingest with the e-mail (any case) does not bring the person back.
    const again = json<{ suppressed: number; created: number; items: { status: string }[] }>(await mkt.post("/api/v1/touchpoints/batch", { events: [{ type: "form_submit", email: "ERIN@erase.example", firstName: "Erin" }] }));
    expect(again).toMatchObject({ suppressed: 1, created: 0 });
    expect(await q("select id from contacts where workspace_id = $1 and email = 'erin@erase.example' and $2::uuid is not null")).toEqual([]);
    expect((await admin.get(`/api/v1/contacts/${id}/export`)).statusCode).toBe(404);
  });

  it("answers 404 for another workspace's contact", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    const c = json<{ id: string }>(await h.as(b.users.admin).post("/api/v1/contacts", { email: "other@b.example" }));
    expect((await h.as(a.users.admin).get(`/api/v1/contacts/${c.id}/export`)).statusCode).toBe(404);
    expect((await h.as(a.users.admin).post(`/api/v1/contacts/${c.id}/erase`, { confirm: "ERASE" })).statusCode).toBe(404);
  });
});
