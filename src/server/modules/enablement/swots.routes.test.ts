import { describe, expect, it } from "vitest";
import type { Swot, SwotList } from "../../../shared/contracts/enablement-swots.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness } from "../../../../test/harness.js";

// 2026-03-02T03:00Z is still March 1st in New York: the default analysis day follows the workspace's zone.
const h = useHarness({ now: "2026-03-02T03:00:00.000Z" });

type S = Serialized<Swot>;
type L = Serialized<SwotList>;

async function audits(workspaceId: string) {
  const res = await h.tdb.ownerDb.pool.query("select action from audit_log where workspace_id = $1 and entity = 'swot' order by at, action", [workspaceId]);
  return res.rows.map((r: { action: string }) => r.action);
}

describe("SWOT analyses", () => {
  it("writes campaign SWOTs (marketing side) and deal SWOTs (deal team), lists them by subject, and audits every change", async () => {
    const ws = await h.workspace();
    await h.tdb.ownerDb.pool.query("update workspaces set timezone = 'America/New_York' where id = $1", [ws.workspaceId]);
    const [admin, mkt, sales, sdr] = [h.as(ws.users.admin), h.as(ws.users.marketing), h.as(ws.users.sales), h.as(ws.users.sdr)];
    const campaign = json<{ id: string }>(await admin.post("/api/v1/campaigns", { name: "Spring webinar", channel: "webinar" }));
    const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Acme" }));
    const deal = json<{ id: string }>(await admin.post("/api/v1/deals", { accountId: account.id, name: "Acme platform", amount: 20_000 }));

    const created = await mkt.post("/api/v1/swots", { campaignId: campaign.id, title: "Webinar review", strengths: [" Strong speakers ", "Good turnout"], threats: ["Competitor event the same week"] });
    expect(created.statusCode, created.body).toBe(201);
    const c = json<S>(created);
    // Trimmed points, the author as owner, today in New York (March 1st), a draft.
    expect(c).toMatchObject({ subject: { kind: "campaign", id: campaign.id, name: "Spring webinar" }, strengths: ["Strong speakers", "Good turnout"], weaknesses: [], threats: ["Competitor event the same week"], ownerId: ws.users.marketing.userId, ownerName: expect.any(String), analysedOn: "2026-03-01", status: "draft", canEdit: true });

    // Sales may not write a campaign SWOT; marketing may not write a deal's; SDRs neither.
    expect((await sales.post("/api/v1/swots", { campaignId: campaign.id, title: "x" })).statusCode).toBe(403);
    expect((await mkt.post("/api/v1/swots", { dealId: deal.id, title: "x" })).statusCode).toBe(403);
    expect((await sdr.post("/api/v1/swots", { dealId: deal.id, title: "x" })).statusCode).toBe(403);
    expect((await sales.patch(`/api/v1/swots/${c.id}`, { status: "final" })).statusCode).toBe(403);
    // Sales reads the campaign's SWOT but may not edit it.
    expect(json<L>(await sales.get(`/api/v1/campaigns/${campaign.id}/swots`)).items.map((s) => [s.id, s.canEdit])).toEqual([[c.id, false]]);

    const d = json<S>(await sales.post("/api/v1/swots", { dealId: deal.id, title: "Proposal v2", opportunities: ["Expansion to EMEA"], analysedOn: "2026-02-20", ownerId: ws.users.manager.userId }));
    expect(d).toMatchObject({ subject: { kind: "deal", id: deal.id, name: "Acme platform" }, ownerId: ws.users.manager.userId, analysedOn: "2026-02-20", canEdit: true });

    // Validation names the field: both subjects, neither, an empty point, a bad owner, an unknown campaign.
    const bad = async (body: Record<string, unknown>, field: string) => {
      const res = await sales.post("/api/v1/swots", body);
      expect(res.statusCode, res.body).toBe(400);
      expect(json<{ message: string }>(res).message).toContain(field);
    };
    await bad({ campaignId: campaign.id, dealId: deal.id, title: "x" }, "body.campaignId");
    await bad({ title: "x" }, "body.campaignId");
    await bad({ dealId: deal.id, title: "x", strengths: ["ok", "  "] }, "body.strengths.1");
    await bad({ dealId: deal.id, title: "x", ownerId: "00000000-0000-4000-8000-000000000001" }, "body.ownerId");
    await bad({ dealId: deal.id, title: "" }, "body.title");
    expect((await mkt.post("/api/v1/swots", { campaignId: "00000000-0000-4000-8000-000000000002", title: "x" })).statusCode).toBe(400);

    // Marketing finalises its SWOT with a new weakness; the change is audited with what changed.
    const fin = json<S>(await mkt.patch(`/api/v1/swots/${c.id}`, { status: "final", weaknesses: ["Late invitations"] }));
    expect(fin).toMatchObject({ status: "final", weaknesses: ["Late invitations"], strengths: ["Strong speakers", "Good turnout"] });
    const change = await h.tdb.ownerDb.pool.query("select changes from audit_log where workspace_id = $1 and action = 'swot.updated'", [ws.workspaceId]);
    expect(change.rows[0].changes).toEqual({ status: { from: "draft", to: "final" }, weaknesses: { from: [], to: ["Late invitations"] } });

    // The list, newest analysis first (March 1st before February 20th), by subject and status.
    expect(json<L>(await sdr.get("/api/v1/swots")).items.map((s) => s.title)).toEqual(["Webinar review", "Proposal v2"]);
    expect(json<L>(await sdr.get("/api/v1/swots?subject=deal")).items.map((s) => s.title)).toEqual(["Proposal v2"]);
    expect(json<L>(await sdr.get("/api/v1/swots?status=final")).items.map((s) => s.title)).toEqual(["Webinar review"]);
    expect(json<L>(await mkt.get(`/api/v1/deals/${deal.id}/swots`)).items.map((s) => [s.title, s.canEdit])).toEqual([["Proposal v2", false]]);
    // By owner (the manager owns Proposal v2, marketing the webinar review); paged with the total of all matches.
    type P = L & { total: number };
    expect(json<P>(await sdr.get(`/api/v1/swots?ownerId=${ws.users.manager.userId}`))).toMatchObject({ total: 1, items: [{ title: "Proposal v2" }] });
    expect(json<P>(await sdr.get(`/api/v1/swots?ownerId=${ws.users.sdr.userId}`))).toEqual({ items: [], total: 0 });
    const page2 = json<P>(await sdr.get("/api/v1/swots?limit=1&offset=1"));
    expect([page2.total, page2.items.map((s) => s.title)]).toEqual([2, ["Proposal v2"]]);
    for (const [q, field] of [["ownerId=nope", "query.ownerId"], ["limit=0", "query.limit"], ["offset=-1", "query.offset"]] as const) {
      const res = await sdr.get(`/api/v1/swots?${q}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(json<{ message: string }>(res).message).toContain(field);
    }

    // Delete: the deal team only.
    expect((await mkt.delete(`/api/v1/swots/${d.id}`)).statusCode).toBe(403);
    expect((await sales.delete(`/api/v1/swots/${d.id}`)).statusCode).toBe(204);
    expect((await sales.get(`/api/v1/swots/${d.id}`)).statusCode).toBe(404);
    // The clock stands still, so the audit rows come back by action name.
    expect(await audits(ws.workspaceId)).toEqual(["swot.created", "swot.created", "swot.deleted", "swot.updated"]);
  });

  it("answers 404 for another workspace's SWOT, campaign or deal, and 400 for its ids in a body", async () => {
    const a = await h.workspace("A");
    const b = await h.workspace("B");
    const bAdmin = h.as(b.users.admin);
    const campaign = json<{ id: string }>(await bAdmin.post("/api/v1/campaigns", { name: "B launch", channel: "email" }));
    const account = json<{ id: string }>(await bAdmin.post("/api/v1/accounts", { name: "B Co" }));
    const deal = json<{ id: string }>(await bAdmin.post("/api/v1/deals", { accountId: account.id, name: "B deal", amount: 1 }));
    const swot = json<S>(await bAdmin.post("/api/v1/swots", { campaignId: campaign.id, title: "B's" }));
    const admin = h.as(a.users.admin);
    expect((await admin.get(`/api/v1/swots/${swot.id}`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/v1/swots/${swot.id}`, { title: "mine" })).statusCode).toBe(404);
    expect((await admin.delete(`/api/v1/swots/${swot.id}`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/campaigns/${campaign.id}/swots`)).statusCode).toBe(404);
    expect((await admin.get(`/api/v1/deals/${deal.id}/swots`)).statusCode).toBe(404);
    expect((await admin.post("/api/v1/swots", { dealId: deal.id, title: "x" })).statusCode).toBe(400);
    expect(json<L>(await admin.get("/api/v1/swots")).items).toEqual([]);
    expect(json<S>(await bAdmin.get(`/api/v1/swots/${swot.id}`)).title).toBe("B's");
  });
});
