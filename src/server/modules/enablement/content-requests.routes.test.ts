import { describe, expect, it } from "vitest";
import type { ContentRequest } from "../../../shared/contracts/enablement-content.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness, type Caller } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00.000Z" });
type Req = Serialized<ContentRequest>;

async function feed(c: Caller) {
  return json<{ items: { kind: string; title: string; body: string | null; link: string | null }[] }>(await c.get("/api/v1/notifications")).items;
}

describe("content requests", () => {
  it("goes new → accepted → in progress → delivered with the asset linked, telling the requester; declines carry a reason", async () => {
    const ws = await h.workspace("Asks");
    const other = await h.workspace("Elsewhere");
    const [sales, mkt, manager] = [h.as(ws.users.sales), h.as(ws.users.marketing), h.as(ws.users.manager)];
    const account = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Acme" }));
    const deal = json<{ id: string }>(await sales.post("/api/v1/deals", { accountId: account.id, name: "Acme rollout", amount: 5000 }));

    const created = await sales.post("/api/v1/content-requests", { title: "Rivalry battlecard", details: "Lost twice on price", dealId: deal.id, competitor: "Rivalry", buyingStage: "convert", priority: "high" });
    expect(created.statusCode, created.body).toBe(201);
    const ask = json<Req>(created);
    expect(ask).toMatchObject({ status: "new", dealName: "Acme rollout", requestedByName: "Asks sales", competitor: "Rivalry", priority: "high", assigneeId: null });
    // Marketing hears of it; the SDR does not.
    expect((await feed(mkt)).map((n) => [n.kind, n.title])).toContainEqual(["content_request.created", "Content requested: Rivalry battlecard"]);
    expect((await feed(h.as(ws.users.sdr))).some((n) => n.kind === "content_request.created")).toBe(false);
    expect((await mkt.post("/api/v1/content-requests", { title: "x" })).statusCode).toBe(403);

    const move = (id: string, body: Record<string, unknown>, as = mkt) => as.post(`/api/v1/content-requests/${id}/move`, body);
    // A new request is accepted or declined first; sales cannot move it.
    expect((await move(ask.id, { status: "in_progress" })).statusCode).toBe(409);
    expect((await move(ask.id, { status: "accepted" }, sales)).statusCode).toBe(403);
    expect(json<Req>(await move(ask.id, { status: "accepted", assigneeId: ws.users.manager.userId }))).toMatchObject({ status: "accepted", assigneeName: "Asks manager" });
    // The manager hands it to marketing, who is told.
    const assigned = await manager.put(`/api/v1/content-requests/${ask.id}/assignee`, { assigneeId: ws.users.marketing.userId });
    expect(json<Req>(assigned).assigneeId).toBe(ws.users.marketing.userId);
    expect((await feed(mkt)).map((n) => n.title)).toContain("Content request assigned to you: Rivalry battlecard");
    expect((await move(ask.id, { status: "in_progress" })).statusCode).toBe(200);

    // Delivering names an asset of this workspace.
    const asset = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/bc", title: "Rivalry: why we win", format: "one_pager", buyingStage: "convert" }));
    const foreign = json<{ id: string }>(await h.as(other.users.marketing).post("/api/v1/assets", { kind: "link", url: "https://example.com/x", title: "Theirs", format: "one_pager", buyingStage: "engage" }));
    expect((await move(ask.id, { status: "delivered" })).statusCode).toBe(400);
    const wrong = await move(ask.id, { status: "delivered", resultAssetId: foreign.id });
    expect(json<{ details: { path: string }[] }>(wrong).details[0]!.path).toBe("body.resultAssetId");
    const done = json<Req>(await move(ask.id, { status: "delivered", resultAssetId: asset.id }));
    expect(done).toMatchObject({ status: "delivered", resultAssetId: asset.id, resultAssetTitle: "Rivalry: why we win" });
    const told = (await feed(sales)).find((n) => n.kind === "content_request.updated")!;
    expect(told).toMatchObject({ title: "Your content request is delivered: Rivalry battlecard", body: 'See "Rivalry: why we win".', link: `/content/${asset.id}` });
    // Delivered is final.
    expect((await move(ask.id, { status: "declined", declineReason: "changed my mind" })).statusCode).toBe(409);

    // A second request, declined with a reason; a third from the SDR at low priority.
    const second = json<Req>(await sales.post("/api/v1/content-requests", { title: "Spanish datasheet", persona: "it_manager" }));
    const third = json<Req>(await h.as(ws.users.sdr).post("/api/v1/content-requests", { title: "Cold e-mail templates", priority: "low" }));
    const fourth = json<Req>(await sales.post("/api/v1/content-requests", { title: "Security whitepaper", priority: "high" }));
    expect(json<Req>(await move(second.id, { status: "declined", declineReason: "No Spanish market this year" }))).toMatchObject({ status: "declined", declineReason: "No Spanish market this year" });
    expect((await feed(sales)).map((n) => [n.title, n.body])).toContainEqual(["Your content request was declined: Spanish datasheet", "No Spanish market this year"]);

    // The board: high priority first, then oldest; filters by status and by requester.
    const board = json<{ items: Req[] }>(await mkt.get("/api/v1/content-requests")).items;
    expect(board.map((r) => r.title)).toEqual(["Rivalry battlecard", "Security whitepaper", "Spanish datasheet", "Cold e-mail templates"]);
    expect(json<{ items: Req[] }>(await mkt.get("/api/v1/content-requests?status=new")).items.map((r) => r.id)).toEqual([fourth.id, third.id]);
    expect(json<{ items: Req[] }>(await h.as(ws.users.sdr).get("/api/v1/content-requests?mine=true")).items.map((r) => r.id)).toEqual([third.id]);

    const audit = await h.tdb.ownerDb.pool.query("select action from audit_log where workspace_id = $1 and entity = 'content_request' and entity_id = $2 order by at, id", [ws.workspaceId, ask.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(["content_request.created", "content_request.accepted", "content_request.assigned", "content_request.in_progress", "content_request.delivered"]);
  });

  it("outlives the deal it was for: deleting the deal keeps the request without it", async () => {
    const ws = await h.workspace("Outlives");
    const [sales, admin] = [h.as(ws.users.sales), h.as(ws.users.admin)];
    const account = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Acme" }));
    const deal = json<{ id: string }>(await sales.post("/api/v1/deals", { accountId: account.id, name: "Acme rollout", amount: 5000 }));
    const ask = json<Req>(await sales.post("/api/v1/content-requests", { title: "ROI model", dealId: deal.id }));
    expect(ask.dealId).toBe(deal.id);
    const gone = await admin.delete(`/api/v1/deals/${deal.id}`);
    expect(gone.statusCode, gone.body).toBe(204);
    expect(json<Req>(await sales.get(`/api/v1/content-requests/${ask.id}`))).toMatchObject({ id: ask.id, title: "ROI model", dealId: null, dealName: null });
  });
});
