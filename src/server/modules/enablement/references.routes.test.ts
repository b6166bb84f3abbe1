import { beforeEach, describe, expect, it } from "vitest";
import type { DealReferences, ReferenceDetail, ReferenceSearchResult, ReferenceUsage, ReferenceUse } from "../../../shared/contracts/enablement-references.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness, type Caller, type TestWorkspace } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
beforeEach(() => h.clock.set(NOW));

type Detail = Serialized<ReferenceDetail>;
type Use = Serialized<ReferenceUse>;
type Search = Serialized<ReferenceSearchResult>;

async function created<T = { id: string }>(p: Promise<{ statusCode: number; body: string }>): Promise<T> {
  const res = await p;
  expect(res.statusCode, res.body).toBeLessThan(300);
  return JSON.parse(res.body) as T;
}

async function account(c: Caller, name: string, extra: Record<string, unknown> = {}) {
  return (await created(c.post("/api/v1/accounts", { name, ...extra }))).id;
}

async function deals(c: Caller, accountId: string, n: number) {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push((await created(c.post("/api/v1/deals", { accountId, name: `Deal ${i}`, amount: 1000 }))).id);
  return out;
}

async function kinds(c: Caller) {
  return json<{ items: { kind: string; title: string }[] }>(await c.get("/api/v1/notifications")).items;
}

async function setup(): Promise<{ ws: TestWorkspace; mkt: Caller; sales: Caller }> {
  const ws = await h.workspace("Refs");
  return { ws, mkt: h.as(ws.users.marketing), sales: h.as(ws.users.sales) };
}

describe("customer references", () => {
  it("counts approved uses per quarter of the workspace zone against the cap: the third request in a full quarter is refused", async () => {
    const { ws, mkt, sales } = await setup();
    // New York is UTC−4 in summer: 2026-07-01T02:00Z is still 2026-06-30 (Q2) there; Q3 starts at 2026-07-01T04:00Z.
    await h.tdb.ownerDb.pool.query("update workspaces set timezone = 'America/New_York' where id = $1", [ws.workspaceId]);
    const customer = await account(mkt, "Northwind", { industry: "Logistics", employees: 800 });
    const prospect = await account(sales, "Prospect Co");
    const [d1, d2, d3, d4, d5, d6] = await deals(sales, prospect, 6);
    const ref = await created<Detail>(mkt.post("/api/v1/references", { accountId: customer, useCase: "Fleet reporting", quarterlyCap: 2 }));
    // Defaults from the account: industry, and 800 employees → mid-market.
    expect(ref).toMatchObject({ industry: "Logistics", size: "mid_market", quarterlyCap: 2, ownerId: ws.users.marketing.userId });
    const ask = (dealId: string) => sales.post(`/api/v1/references/${ref.id}/uses`, { dealId, note: "peer call" });
    const decide = (id: string, decision: "approve" | "decline", note?: string) => mkt.post(`/api/v1/reference-uses/${id}/decision`, { decision, note });

    // Q2 (New York): one approval on 2026-06-30 08:00 local, one at 22:00 local (02:00Z on July 1st, Q3 in UTC).
    h.clock.set("2026-06-30T12:00:00Z");
    const u1 = await created<Use>(ask(d1!));
    expect((await decide(u1.id, "approve")).statusCode).toBe(200);
    h.clock.set("2026-07-01T02:00:00Z");
    const u2 = await created<Use>(ask(d2!));
    expect((await decide(u2.id, "approve")).statusCode).toBe(200);
    // 2 of 2 in Q2: unavailable until 2026-07-01, a new request is a 409.
    expect(json<Detail>(await sales.get(`/api/v1/references/${ref.id}`)).availability).toEqual({ quarter: "2026-Q2", cap: 2, used: 2, remaining: 0, available: false, nextAvailableOn: "2026-07-01" });
    h.clock.set("2026-07-01T03:59:59Z");
    const refused = await ask(d3!);
    expect(refused.statusCode).toBe(409);
    expect(json<{ message: string }>(refused).message).toContain("2 of 2 uses approved in 2026-Q2");

    // Q3 starts at 04:00Z: the Q2 uses no longer count.
    h.clock.set("2026-07-01T04:00:00Z");
    expect(json<Detail>(await sales.get(`/api/v1/references/${ref.id}`)).availability).toMatchObject({ quarter: "2026-Q3", used: 0, remaining: 2, available: true });
    const [a, b, c] = [await created<Use>(ask(d3!)), await created<Use>(ask(d4!)), await created<Use>(ask(d5!))];
    // The same deal twice is a conflict while a request is open.
    expect((await ask(d3!)).statusCode).toBe(409);
    expect((await decide(a.id, "approve")).statusCode).toBe(200);
    expect((await decide(b.id, "approve")).statusCode).toBe(200);
    // The third request of Q3 was made below the cap but is not approvable now; declining it still works.
    expect((await decide(c.id, "approve")).statusCode).toBe(409);
    expect((await ask(d6!)).statusCode).toBe(409);
    expect((await decide(c.id, "decline")).statusCode).toBe(400);
    expect(json<Use>(await decide(c.id, "decline", "At its cap this quarter"))).toMatchObject({ status: "declined", decisionNote: "At its cap this quarter" });
    expect((await decide(c.id, "approve")).statusCode).toBe(409);
    expect(json<Search>(await sales.get("/api/v1/references?available=true")).total).toBe(0);
    expect(json<Search>(await sales.get("/api/v1/references")).items[0]!.availability).toMatchObject({ quarter: "2026-Q3", used: 2, available: false, nextAvailableOn: "2026-10-01" });

    // Report, New York quarters: Q2 requested 2 (u1, u2 — u2 at 22:00 local on June 30th), approved 2; Q3 requested 3
    // (a, b, c; the refused ones were never stored), approved 2, declined 1.
    const usage = json<Serialized<ReferenceUsage>>(await mkt.get("/api/v1/reports/reference-usage?from=2026-04-01&to=2026-09-30"));
    expect(usage.quarters).toEqual([
      { quarter: "2026-Q2", requested: 2, approved: 2, declined: 0 },
      { quarter: "2026-Q3", requested: 3, approved: 2, declined: 1 },
    ]);
    expect(usage.mostRequested).toEqual([{ referenceId: ref.id, name: "Northwind", requested: 5, approved: 4, declined: 1, pending: 0 }]);
  });

  it("falls back to the workspace cap, set by managers", async () => {
    const { ws, mkt, sales } = await setup();
    const ref = await created<Detail>(mkt.post("/api/v1/references", { accountId: await account(mkt, "Contoso") }));
    // No cap anywhere: the default of 3.
    expect(ref.availability).toMatchObject({ cap: 3, quarter: "2026-Q1" });
    expect((await mkt.put("/api/v1/reference-settings", { quarterlyCap: 1 })).statusCode).toBe(403);
    expect(json(await h.as(ws.users.manager).put("/api/v1/reference-settings", { quarterlyCap: 1 }))).toEqual({ quarterlyCap: 1, isDefault: false });
    const [d1, d2] = await deals(sales, await account(sales, "Buyer"), 2);
    const u = await created<Use>(sales.post(`/api/v1/references/${ref.id}/uses`, { dealId: d1 }));
    // A manager may decide any reference's requests.
    expect((await h.as(ws.users.manager).post(`/api/v1/reference-uses/${u.id}/decision`, { decision: "approve" })).statusCode).toBe(200);
    expect((await sales.post(`/api/v1/references/${ref.id}/uses`, { dealId: d2 })).statusCode).toBe(409);
    // An inactive reference takes no requests.
    await created(mkt.patch(`/api/v1/references/${ref.id}`, { active: false, quarterlyCap: 5 }));
    expect(json<{ message: string }>(await sales.post(`/api/v1/references/${ref.id}/uses`, { dealId: d2 })).message).toContain("inactive");
  });

  it("ranks text matches by weight and counts facets over the matches", async () => {
    const { mkt, sales } = await setup();
    const mk = async (name: string, body: Record<string, unknown>) => (await created<Detail>(mkt.post("/api/v1/references", { accountId: await account(mkt, name), ...body }))).id;
    const health = await mk("St Mary", { industry: "Healthcare", size: "enterprise", region: "EMEA", useCase: "Onboarding 2,000 nurses in a week", quotes: ["Support answered in minutes"], products: ["Scheduling"] });
    const soft = await mk("Bitsy", { industry: "Software", size: "smb", region: "NA", useCase: "Migration from spreadsheets", quotes: ["Onboarding was painless"], products: ["Analytics"] });
    const fleet = await mk("Truckers", { industry: "Logistics", size: "mid_market", region: "NA", useCase: "Fleet reporting", products: ["Analytics"] });
    const search = async (qs: string) => json<Search>(await sales.get(`/api/v1/references?${qs}`));

    // "onboarding" is in St Mary's use case (weight B) and in a quote of Bitsy's (weight C): St Mary first.
    const onboarding = await search("q=onboarding");
    expect(onboarding.items.map((i) => i.id)).toEqual([health, soft]);
    expect(onboarding.items[0]!.rank).toBeGreaterThan(onboarding.items[1]!.rank);
    expect(onboarding.facets.industry).toEqual([{ value: "Healthcare", count: 1 }, { value: "Software", count: 1 }]);
    expect((await search("q=onboarding%20-nurses")).items.map((i) => i.id)).toEqual([soft]);
    // The industry is weight A: "healthcare" finds St Mary alone.
    expect((await search("q=healthcare")).items.map((i) => i.id)).toEqual([health]);
    // Facets without a query: two in NA, Analytics on two references.
    const all = await search("");
    expect(all.total).toBe(3);
    expect(await search("cursor=5")).toMatchObject({ items: [], total: 3, nextCursor: null });
    expect(all.facets.region).toEqual([{ value: "NA", count: 2 }, { value: "EMEA", count: 1 }]);
    expect(all.facets.product).toEqual([{ value: "Analytics", count: 2 }, { value: "Scheduling", count: 1 }]);
    expect(all.facets.size.map((f) => f.value).sort()).toEqual(["enterprise", "mid_market", "smb"]);
    expect((await search("product=Analytics&region=NA&size=mid_market")).items.map((i) => i.id)).toEqual([fleet]);
    expect((await search("industry=healthcare")).items.map((i) => i.id)).toEqual([health]);
  });

  it("runs request → owner approval → the deal's References panel, notifying both sides, with suggestions for the deal", async () => {
    const { ws, mkt, sales } = await setup();
    const guide = await created(mkt.post("/api/v1/assets", { kind: "link", url: "https://example.com/cs", title: "Northwind case study", format: "case_study", buyingStage: "convert" }));
    const northwind = await account(mkt, "Northwind", { industry: "Healthcare", employees: 5000 });
    const ref = await created<Detail>(mkt.post("/api/v1/references", { accountId: northwind, quotes: ["We cut no-shows by 30 %"], caseStudyAssetIds: [guide.id] }));
    expect(ref.caseStudies).toEqual([{ id: guide.id, title: "Northwind case study", format: "case_study", status: "draft" }]);
    const bad = await mkt.post("/api/v1/references", { accountId: northwind, caseStudyAssetIds: [guide.id, ws.workspaceId] });
    expect(json<{ details: { path: string }[] }>(bad).details[0]!.path).toBe("body.caseStudyAssetIds.1");
    // Another healthcare customer of the same size band, owned by the sales manager.
    const peer = await created<Detail>(mkt.post("/api/v1/references", { accountId: await account(mkt, "Mercy", { industry: "healthcare", employees: 3000 }), ownerId: ws.users.manager.userId }));
    const software = await created<Detail>(mkt.post("/api/v1/references", { accountId: await account(mkt, "Bitsy", { industry: "Software", employees: 50 }) }));

    const buyer = await account(sales, "Clinic Group", { industry: "Healthcare", employees: 2500 });
    const [deal] = await deals(sales, buyer, 1);
    // Before any request: both healthcare enterprise references are suggested (industry + size = 2 points each), not Bitsy.
    const before = json<Serialized<DealReferences>>(await sales.get(`/api/v1/deals/${deal}/references`));
    expect(before.match).toEqual({ industry: "Healthcare", size: "enterprise", products: [] });
    expect(before.suggestions.map((s) => s.id).sort()).toEqual([ref.id, peer.id].sort());
    expect(before.suggestions.find((s) => s.id === ref.id)!.reasons).toEqual(["same industry (Healthcare)", "same size (enterprise)"]);
    expect(before.suggestions.map((s) => s.id)).not.toContain(software.id);

    const use = await created<Use>(sales.post(`/api/v1/references/${ref.id}/uses`, { dealId: deal, note: "Their CIO asked for a peer" }));
    expect(use).toMatchObject({ status: "requested", referenceName: "Northwind", dealName: "Deal 1", canDecide: false });
    expect((await kinds(mkt)).find((n) => n.kind === "reference.requested")?.title).toContain("Northwind on Deal 1");
    // The owner's queue holds it; an SDR decides nothing.
    const queue = json<{ items: Use[] }>(await mkt.get("/api/v1/reference-uses?awaitingMe=true")).items;
    expect(queue.map((u) => [u.id, u.canDecide])).toEqual([[use.id, true]]);
    expect(json<{ items: Use[] }>(await h.as(ws.users.sdr).get("/api/v1/reference-uses?awaitingMe=true")).items).toEqual([]);
    expect((await h.as(ws.users.sdr).post(`/api/v1/reference-uses/${use.id}/decision`, { decision: "approve" })).statusCode).toBe(403);
    expect(json<Use>(await mkt.post(`/api/v1/reference-uses/${use.id}/decision`, { decision: "approve", note: "Call Tuesday" }))).toMatchObject({ status: "approved", decidedBy: ws.users.marketing.userId, decisionNote: "Call Tuesday" });
    expect((await kinds(sales)).find((n) => n.kind === "reference.decided")?.title).toBe("Northwind approved for Deal 1");

    const after = json<Serialized<DealReferences>>(await sales.get(`/api/v1/deals/${deal}/references`));
    expect(after.uses.map((u) => [u.referenceName, u.status])).toEqual([["Northwind", "approved"]]);
    // The approved reference leaves the suggestions.
    expect(after.suggestions.map((s) => s.id)).toEqual([peer.id]);
    const profile = json<Detail>(await sales.get(`/api/v1/references/${ref.id}`));
    expect(profile.uses.map((u) => [u.dealName, u.status, u.requestedByName])).toEqual([["Deal 1", "approved", "Refs sales"]]);
    expect(profile.availability).toMatchObject({ used: 1, cap: 3, remaining: 2 });
    const audit = await h.tdb.ownerDb.pool.query("select action from audit_log where workspace_id = $1 and entity in ('customer_reference', 'reference_use') order by at, action", [ws.workspaceId]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(expect.arrayContaining(["reference.created", "reference.requested", "reference.approved"]));
  });
});
