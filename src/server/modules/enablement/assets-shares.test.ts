import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });

async function setup(ws: TestWorkspace) {
  const admin = h.as(ws.users.admin);
  const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Buyer Inc" }));
  const contact = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "cfo@buyer.example", firstName: "Casey", accountId: account.id, persona: "cfo" }));
  const deal = json<{ id: string }>(await admin.post("/api/v1/deals", { accountId: account.id, name: "Buyer platform", amount: 50000, primaryContactId: contact.id }));
  const mkt = h.as(ws.users.marketing);
  const link = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/story", title: "Customer story", format: "case_study", buyingStage: "engage" }));
  await mkt.post(`/api/v1/assets/${link.id}/publish`);
  const file = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "file", title: "Pricing sheet", format: "datasheet", buyingStage: "engage" }));
  const boundary = "----b";
  const payload = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="sheet.pdf"\r\n\r\n%PDF-1.4 sheet\r\n--${boundary}--\r\n`);
  const up = await h.app.inject({ method: "POST", url: `/api/v1/assets/${file.id}/file`, payload, headers: { "content-type": `multipart/form-data; boundary=${boundary}`, authorization: `Bearer ${ws.users.marketing.token}` } });
  expect(up.statusCode, up.body).toBe(200);
  await mkt.post(`/api/v1/assets/${file.id}/publish`);
  return { contactId: contact.id, dealId: deal.id, linkId: link.id, fileId: file.id };
}

async function touchpoints(workspaceId: string) {
  const res = await h.tdb.ownerDb.pool.query("select type, source, asset_id, contact_id, actor_user_id from touchpoints where workspace_id = $1 order by received_at, type", [workspaceId]);
  return res.rows;
}


/** The token with its last character changed (to a character it does not already have). */
const tampered = (token: string) => `${token.slice(0, -1)}${token.endsWith("x") ? "y" : "x"}`;

describe("tracked links", () => {
  it("turns a prospect's view into a content_view touchpoint on the contact and serves only the shared asset", async () => {
    const ws = await h.workspace();
    const s = await setup(ws);
    const rep = h.as(ws.users.sales);
    // Shared for the deal: the deal's primary contact is the prospect.
    const created = await rep.post(`/api/v1/assets/${s.fileId}/shares`, { dealId: s.dealId });
    expect(created.statusCode, created.body).toBe(201);
    const share = json<{ id: string; url: string; token: string; contactId: string; views: number }>(created);
    expect(share.contactId).toBe(s.contactId);
    expect(share.url).toBe(`http://tandem.test/s/${share.token}`);
    expect(share.token).toMatch(/^[0-9a-f]{32}[A-Za-z0-9_-]{32}$/);
    // The rep's share is a sales touch.
    expect(await touchpoints(ws.workspaceId)).toEqual([{ type: "content_share", source: "app", asset_id: s.fileId, contact_id: s.contactId, actor_user_id: ws.users.sales.userId }]);

    h.clock.advance(3_600_000);
    const view = await h.app.inject({ method: "GET", url: `/s/${share.token}` });
    expect(view.statusCode).toBe(200);
    expect(view.body).toBe("%PDF-1.4 sheet");
    expect(view.headers["x-content-type-options"]).toBe("nosniff");
    expect(view.headers["content-disposition"]).toMatch(/^inline; filename="sheet.pdf"/);
    const tps = await touchpoints(ws.workspaceId);
    expect(tps[1]).toEqual({ type: "content_view", source: "tracked_link", asset_id: s.fileId, contact_id: s.contactId, actor_user_id: null });
    await h.app.inject({ method: "GET", url: `/s/${share.token}` });
    const usage = json<{ shares: { views: number; lastViewedAt: string }[]; events: { type: string }[] }>(await rep.get(`/api/v1/assets/${s.fileId}/usage`));
    expect(usage.shares[0]).toMatchObject({ views: 2, lastViewedAt: "2026-03-02T10:00:00.000Z" });
    expect(usage.events.map((e) => e.type)).toEqual(["viewed", "viewed", "shared"]);
    // HEAD requests (link previews) do not count.
    expect((await h.app.inject({ method: "HEAD", url: `/s/${share.token}` })).statusCode).toBe(404);
    expect((await touchpoints(ws.workspaceId)).length).toBe(3);
    // A link asset redirects; an unknown or tampered token is a 404 that records nothing.
    const linkShare = json<{ token: string }>(await rep.post(`/api/v1/assets/${s.linkId}/shares`, { contactId: s.contactId }));
    const redirect = await h.app.inject({ method: "GET", url: `/s/${linkShare.token}` });
    expect(redirect.statusCode).toBe(302);
    expect(redirect.headers.location).toBe("https://example.com/story");
    expect((await h.app.inject({ method: "GET", url: `/s/${tampered(linkShare.token)}` })).statusCode).toBe(404);
    expect((await h.app.inject({ method: "GET", url: "/s/nonsense" })).statusCode).toBe(404);
    expect((await touchpoints(ws.workspaceId)).length).toBe(5); // 3 + the link's share + its one view
    // A retired asset stops being served.
    await h.as(ws.users.marketing).post(`/api/v1/assets/${s.fileId}/retire`);
    expect((await h.app.inject({ method: "GET", url: `/s/${share.token}` })).statusCode).toBe(404);
    expect((await touchpoints(ws.workspaceId)).length).toBe(5);
  });

  it("refuses to share drafts, checks the contact belongs to the workspace, and keeps marketing from sharing", async () => {
    const ws = await h.workspace();
    const s = await setup(ws);
    const draft = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/assets", { kind: "link", url: "https://example.com/d", title: "Draft", format: "deck", buyingStage: "engage" }));
    expect((await h.as(ws.users.sales).post(`/api/v1/assets/${draft.id}/shares`, { contactId: s.contactId })).statusCode).toBe(409);
    const other = await h.workspace("Other");
    const o = await setup(other);
    const cross = await h.as(ws.users.sales).post(`/api/v1/assets/${s.linkId}/shares`, { contactId: o.contactId });
    expect(cross.statusCode).toBe(400);
    expect(json<{ details: { path: string }[] }>(cross).details[0]!.path).toBe("body.contactId");
    expect((await h.as(ws.users.marketing).post(`/api/v1/assets/${s.linkId}/shares`, { contactId: s.contactId })).statusCode).toBe(403);
  });

  it("attaches assets to deals and lists what is on a deal", async () => {
    const ws = await h.workspace();
    const s = await setup(ws);
    const rep = h.as(ws.users.sales);
    const on = json<{ items: { id: string; attached: boolean }[] }>(await rep.post(`/api/v1/deals/${s.dealId}/assets`, { assetId: s.linkId }));
    expect(on.items).toMatchObject([{ id: s.linkId, attached: true }]);
    await rep.post(`/api/v1/assets/${s.fileId}/shares`, { dealId: s.dealId });
    const list = json<{ items: { id: string; attached: boolean }[] }>(await rep.get(`/api/v1/deals/${s.dealId}/assets`));
    expect(list.items.map((i) => [i.id, i.attached])).toEqual([[s.linkId, true], [s.fileId, false]]);
    expect((await rep.delete(`/api/v1/deals/${s.dealId}/assets/${s.linkId}`)).statusCode).toBe(204);
    expect((await rep.delete(`/api/v1/deals/${s.dealId}/assets/${s.linkId}`)).statusCode).toBe(404);
  });

  it("recommends published content for the contact's persona and the deal's buying stage and competitor", async () => {
    const ws = await h.workspace();
    const s = await setup(ws);
    const mkt = h.as(ws.users.marketing);
    const cfo = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/cfo", title: "CFO brief", format: "one_pager", buyingStage: "engage", personas: ["cfo"] }));
    await mkt.post(`/api/v1/assets/${cfo.id}/publish`);
    // A lead (not yet on a deal) is Engage; the deal's contact became an opportunity, which is Convert.
    const lead = json<{ id: string }>(await h.as(ws.users.admin).post("/api/v1/contacts", { email: "cfo2@buyer.example", persona: "cfo" }));
    const rec = json<{ buyingStage: string; persona: string; items: { id: string; reasons: string[] }[] }>(await h.as(ws.users.sdr).get(`/api/v1/contacts/${lead.id}/recommended-content`));
    expect(json<{ buyingStage: string }>(await h.as(ws.users.sdr).get(`/api/v1/contacts/${s.contactId}/recommended-content`)).buyingStage).toBe("convert");
    expect(rec.buyingStage).toBe("engage");
    expect(rec.persona).toBe("cfo");
    expect(rec.items[0]).toMatchObject({ id: cfo.id, reasons: ["engage stage", "for cfo"] });
    expect(rec.items.length).toBe(3);
    // A deal in discovery is still Engage; its recommendations follow its primary contact's persona.
    const deal = json<{ items: { id: string }[] }>(await h.as(ws.users.sales).get(`/api/v1/deals/${s.dealId}/recommended-content`));
    expect(deal.items[0]!.id).toBe(cfo.id);

    // Tagged with a rival, the open deal is recommended the content against it, with the reason.
    const rival = json<{ id: string }>(await mkt.post("/api/v1/competitors", { name: "Rivalry Inc" }));
    const vs = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/vs", title: "Why we beat Rivalry", format: "one_pager", buyingStage: "engage", competitors: ["Rivalry Inc"] }));
    await mkt.post(`/api/v1/assets/${vs.id}/publish`);
    const before = json<{ competitors: string[]; items: { id: string }[] }>(await h.as(ws.users.sales).get(`/api/v1/deals/${s.dealId}/recommended-content`));
    expect(before.competitors).toEqual([]);
    expect((await h.as(ws.users.sales).put(`/api/v1/deals/${s.dealId}/competitors`, { competitorIds: [rival.id] })).statusCode).toBe(200);
    const tagged = json<{ competitors: string[]; items: { id: string; reasons: string[] }[] }>(await h.as(ws.users.sales).get(`/api/v1/deals/${s.dealId}/recommended-content`));
    expect(tagged.competitors).toEqual(["Rivalry Inc"]);
    expect(tagged.items.find((i) => i.id === vs.id)?.reasons).toContain("against Rivalry Inc");
  });
});
