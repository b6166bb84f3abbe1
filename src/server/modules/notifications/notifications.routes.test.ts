import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();
type Feed = { items: { id: string; kind: string; title: string; link: string | null; readAt: string | null }[]; unread: number };

describe("notifications", () => {
  it("tells the other side at each step of the agreement, and everyone when it activates (which queues a re-score)", async () => {
    const ws = await h.workspace();
    const feed = async (role: keyof typeof ws.users) => json<Feed>(await h.as(ws.users[role]).get("/api/v1/notifications"));
    const d = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
    await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/propose`);
    // Both sides' approvers hear about the proposal; the proposer and the SDR do not.
    expect((await feed("sales")).items.map((n) => n.kind)).toEqual(["lead_definition.proposed"]);
    expect((await feed("manager")).items.map((n) => n.kind)).toEqual(["lead_definition.proposed"]);
    expect((await feed("marketing")).items).toEqual([]);
    expect((await feed("sdr")).items).toEqual([]);

    await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "marketing" });
    const sales = await feed("sales");
    expect(sales.unread).toBe(2);
    expect(sales.items[0]).toMatchObject({ kind: "lead_definition.approved", link: `/agreement/${d.id}` });
    expect(sales.items[0]!.title).toContain("needs the sales side's approval");

    await h.as(ws.users.sales).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "sales" });
    expect((await feed("sdr")).items.map((n) => n.kind)).toEqual(["lead_definition.activated"]);
    expect((await feed("marketing")).items.map((n) => n.kind)).toEqual(["lead_definition.activated"]);
    const rescore = json<{ items: { status: string; subjectId: string }[] }>(await h.as(ws.users.sdr).get(`/api/v1/jobs?kind=rescore&subjectId=${d.id}`));
    expect(rescore.items).toEqual([expect.objectContaining({ status: "queued", subjectId: d.id })]);
    const [ran] = await h.modules.jobs.jobs.drain(ws.workspaceId);
    expect(ran).toMatchObject({ kind: "rescore", status: "succeeded", result: { contacts: 0, events: 0, qualified: 0 } });
  });

  it("marks read only the caller's own notifications", async () => {
    const ws = await h.workspace();
    const other = await h.workspace("Other");
    const d = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
    await h.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/propose`);
    const mine = json<Feed>(await h.as(ws.users.sales).get("/api/v1/notifications"));
    const id = mine.items[0]!.id;
    // The manager of this workspace and the sales user of another cannot mark it.
    expect(json<{ marked: number }>(await h.as(ws.users.manager).post("/api/v1/notifications/read", { ids: [id] })).marked).toBe(0);
    expect(json<{ marked: number }>(await h.as(other.users.sales).post("/api/v1/notifications/read", { ids: [id] })).marked).toBe(0);
    expect(json<{ marked: number; unread: number }>(await h.as(ws.users.sales).post("/api/v1/notifications/read", { ids: [id] }))).toEqual({ marked: 1, unread: 0 });
    expect(json<Feed>(await h.as(ws.users.sales).get("/api/v1/notifications?unread=true")).items).toEqual([]);
    expect(json<{ marked: number; unread: number }>(await h.as(ws.users.manager).post("/api/v1/notifications/read", { all: true }))).toEqual({ marked: 1, unread: 0 });
    const bad = await h.as(ws.users.sales).post("/api/v1/notifications/read", { ids: [id], all: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("body.ids");
  });
});
