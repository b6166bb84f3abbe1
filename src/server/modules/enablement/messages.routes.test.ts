import { describe, expect, it } from "vitest";
import type { ContactMessaging, Message, MessageList } from "../../../shared/contracts/enablement-messages.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00.000Z" });

type M = Serialized<Message>;
type L = Serialized<MessageList>;
const criteria = { titleKeywords: ["zzz"], seniorities: [], departments: [], industries: [], minEmployees: null, maxEmployees: null };

describe("messaging library", () => {
  it("ranks search results (title above body, more hits above fewer), filters by kind, persona, product and archive, and shows a contact's persona messaging", async () => {
    const ws = await h.workspace();
    const [admin, mkt, sales] = [h.as(ws.users.admin), h.as(ws.users.marketing), h.as(ws.users.sales)];
    const it = json<{ id: string }>(await mkt.post("/api/v1/personas", { name: "IT leader", criteria }));
    const eng = json<{ id: string }>(await mkt.post("/api/v1/personas", { name: "Engineer", criteria }));
    const product = json<{ id: string }>(await admin.post("/api/v1/products", { name: "Analytics", family: "Add-ons", listPrice: 1000 }));
    const write = async (body: Record<string, unknown>) => {
      const res = await mkt.post("/api/v1/messages", body);
      expect(res.statusCode, res.body).toBe(201);
      return json<M>(res);
    };
    // The corpus: "onboarding" in A's title and twice in its body, in B's title only, in C's body only, not in D.
    const a = await write({ kind: "value_prop", title: "Onboarding in two weeks", body: "Guided onboarding gets teams live fast; onboarding specialists are included.", personaId: it.id, productId: product.id });
    const b = await write({ kind: "faq", title: "How long does onboarding take?", body: "Two weeks for most customers.", productId: product.id });
    const c = await write({ kind: "talk_track", title: "Discovery call", body: "Open with their onboarding pain, then ask who signs off.", personaId: eng.id });
    const d = await write({ kind: "value_prop", title: "Reporting finance trusts", body: "Audit-ready reports every month.", personaId: it.id });
    expect(a).toMatchObject({ personaName: "IT leader", productName: "Analytics", ownerId: ws.users.marketing.userId, archivedAt: null });

    // ts_rank with weights A (title) 1.0 and B (body) 0.4: A (title + 2 body hits) > B (title) > C (one body hit); D has no hit.
    const found = json<L>(await sales.get("/api/v1/messages?q=onboarding"));
    expect(found.items.map((m) => m.id)).toEqual([a.id, b.id, c.id]);
    expect(found.total).toBe(3);
    expect(found.items[0]!.rank).toBeGreaterThan(found.items[1]!.rank);
    expect(found.items[1]!.rank).toBeGreaterThan(found.items[2]!.rank);
    // Stemming ("reports" finds "Reporting"), websearch syntax: a phrase, and -word.
    expect(json<L>(await sales.get("/api/v1/messages?q=report")).items.map((m) => m.id)).toEqual([d.id]);
    expect(json<L>(await sales.get(`/api/v1/messages?q=${encodeURIComponent('"two weeks"')}`)).items.map((m) => m.id).sort()).toEqual([a.id, b.id].sort());
    expect(json<L>(await sales.get(`/api/v1/messages?q=${encodeURIComponent("onboarding -guided")}`)).items.map((m) => m.id)).toEqual([b.id, c.id]);

    // Filters, alone and with the search.
    const ids = async (qs: string) => json<L>(await sales.get(`/api/v1/messages?${qs}`)).items.map((m) => m.title).sort();
    expect(await ids("kind=value_prop")).toEqual(["Onboarding in two weeks", "Reporting finance trusts"]);
    expect(await ids(`personaId=${it.id}`)).toEqual(["Onboarding in two weeks", "Reporting finance trusts"]);
    expect(await ids(`productId=${product.id}`)).toEqual(["How long does onboarding take?", "Onboarding in two weeks"]);
    expect(await ids(`productId=${product.id}&kind=faq&q=onboarding`)).toEqual(["How long does onboarding take?"]);

    // Archive: out of the library and the contact's view, listed with archived=true, restorable; audited.
    const archived = json<M>(await mkt.patch(`/api/v1/messages/${d.id}`, { archived: true }));
    expect(archived.archivedAt).toBe("2026-03-02T09:00:00.000Z");
    expect(await ids(`personaId=${it.id}`)).toEqual(["Onboarding in two weeks"]);
    expect(await ids("archived=true")).toEqual(["Reporting finance trusts"]);

    // The contact's persona (IT leader, set by hand): its messages first, then the general ones; Engineer's C not shown.
    const contact = json<{ id: string }>(await sales.post("/api/v1/contacts", { email: "pat@acme.example", persona: "IT leader" }));
    const view = json<Serialized<ContactMessaging>>(await sales.get(`/api/v1/contacts/${contact.id}/messaging`));
    expect(view).toMatchObject({ persona: "IT leader", personaId: it.id });
    expect([view.valueProps.map((m) => m.id), view.faqs.map((m) => m.id), view.talkTracks.map((m) => m.id)]).toEqual([[a.id], [b.id], []]);
    expect(json<M>(await mkt.patch(`/api/v1/messages/${d.id}`, { archived: false })).archivedAt).toBeNull();
    expect(json<Serialized<ContactMessaging>>(await sales.get(`/api/v1/contacts/${contact.id}/messaging`)).valueProps.map((m) => m.id)).toEqual([a.id, d.id]);
    // A contact without a persona sees the general messages only.
    const kim = json<{ id: string }>(await sales.post("/api/v1/contacts", { email: "kim@acme.example" }));
    const general = json<Serialized<ContactMessaging>>(await sales.get(`/api/v1/contacts/${kim.id}/messaging`));
    expect([general.persona, general.valueProps.length, general.faqs.map((m) => m.id), general.talkTracks.length]).toEqual([null, 0, [b.id], 0]);

    // Edits: marketing changes the answer; the audit names what changed.
    expect(json<M>(await mkt.patch(`/api/v1/messages/${b.id}`, { body: "Ten working days for most customers." })).body).toBe("Ten working days for most customers.");
    const audit = await h.tdb.ownerDb.pool.query("select action, changes from audit_log where workspace_id = $1 and entity = 'message' and entity_id = $2 order by action", [ws.workspaceId, b.id]);
    expect(audit.rows).toEqual([
      { action: "message.created", changes: expect.objectContaining({ kind: "faq" }) },
      { action: "message.updated", changes: { body: { from: "Two weeks for most customers.", to: "Ten working days for most customers." } } },
    ]);
    const actions = await h.tdb.ownerDb.pool.query("select action from audit_log where workspace_id = $1 and entity_id = $2 order by action", [ws.workspaceId, d.id]);
    expect(actions.rows.map((r: { action: string }) => r.action)).toEqual(["message.archived", "message.created", "message.restored"]);
  });

  it("lets only marketing, managers and admins write, validates the field, and keeps workspaces apart", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    const [mkt, sales, sdr, manager] = [h.as(a.users.marketing), h.as(a.users.sales), h.as(a.users.sdr), h.as(a.users.manager)];
    const msg = { kind: "talk_track", title: "Opening", body: "Start with the outcome." };
    expect((await sales.post("/api/v1/messages", msg)).statusCode).toBe(403);
    expect((await sdr.post("/api/v1/messages", msg)).statusCode).toBe(403);
    expect((await manager.post("/api/v1/messages", msg)).statusCode).toBe(201);
    const mine = json<M>(await mkt.post("/api/v1/messages", msg));
    expect((await sales.patch(`/api/v1/messages/${mine.id}`, { archived: true })).statusCode).toBe(403);

    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await mkt.post("/api/v1/messages", body);
      expect(res.statusCode, res.body).toBe(400);
      expect(json<{ message: string }>(res).message).toContain(field);
    };
    await bad({ ...msg, kind: "slogan" }, "body.kind");
    await bad({ ...msg, body: "   " }, "body.body");
    await bad({ ...msg, title: "" }, "body.title");

    // B's persona, product, message and contact.
    const bMkt = h.as(b.users.marketing);
    const bPersona = json<{ id: string }>(await bMkt.post("/api/v1/personas", { name: "Buyer", criteria }));
    const bProduct = json<{ id: string }>(await h.as(b.users.admin).post("/api/v1/products", { name: "Core", family: "Core", listPrice: 1 }));
    const bMsg = json<M>(await bMkt.post("/api/v1/messages", { ...msg, personaId: bPersona.id }));
    const bContact = json<{ id: string }>(await bMkt.post("/api/v1/contacts", { email: "x@b.example" }));
    await bad({ ...msg, personaId: bPersona.id }, "body.personaId");
    await bad({ ...msg, productId: bProduct.id }, "body.productId");
    await bad({ ...msg, ownerId: b.users.marketing.userId }, "body.ownerId");
    expect((await mkt.get(`/api/v1/messages/${bMsg.id}`)).statusCode).toBe(404);
    expect((await mkt.patch(`/api/v1/messages/${bMsg.id}`, { archived: true })).statusCode).toBe(404);
    expect((await mkt.get(`/api/v1/contacts/${bContact.id}/messaging`)).statusCode).toBe(404);
    // A's search never reaches B's library, even through B's persona id.
    expect(json<L>(await mkt.get(`/api/v1/messages?q=outcome`)).items.map((m) => m.id)).not.toContain(bMsg.id);
    expect(json<L>(await mkt.get(`/api/v1/messages?personaId=${bPersona.id}`)).items).toEqual([]);
    expect(json<M>(await bMkt.get(`/api/v1/messages/${bMsg.id}`)).archivedAt).toBeNull();
  });
});
