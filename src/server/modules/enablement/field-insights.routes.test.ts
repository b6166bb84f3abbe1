import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import type { Insight, RideAlong, RideAlongDetail } from "../../../shared/contracts/enablement-insights.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness, type Caller } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00.000Z" });
type Ins = Serialized<Insight>;
type Page<T> = { items: T[]; nextCursor: string | null };
const criteria = { titleKeywords: ["CFO"], seniorities: [], departments: [], industries: [], minEmployees: null, maxEmployees: null };

async function feed(c: Caller) {
  return json<{ items: { kind: string; title: string; body: string | null; link: string | null }[] }>(await c.get("/api/v1/notifications")).items;
}

describe("field insights", () => {
  it("takes insights from the sales side, links them, triages them new → reviewed → actioned and tells the submitter", async () => {
    const ws = await h.workspace("Field");
    const other = await h.workspace("Away");
    const [sales, sdr, mkt] = [h.as(ws.users.sales), h.as(ws.users.sdr), h.as(ws.users.marketing)];
    const acme = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Acme" }));
    const globex = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Globex" }));
    const deal = json<{ id: string }>(await sales.post("/api/v1/deals", { accountId: acme.id, name: "Acme rollout", amount: 5000 }));
    const cfo = json<{ id: string }>(await mkt.post("/api/v1/personas", { name: "CFO", criteria }));
    const rival = json<{ id: string }>(await mkt.post("/api/v1/competitors", { name: "Rivalry" }));
    const theirs = json<{ id: string }>(await h.as(other.users.marketing).post("/api/v1/personas", { name: "CFO", criteria }));

    // A deal brings its account; names come back with the ids.
    const created = await sales.post("/api/v1/insights", { kind: "objection", text: "Too expensive for one team", dealId: deal.id, personaId: cfo.id, competitorId: rival.id });
    expect(created.statusCode, created.body).toBe(201);
    const first = json<Ins>(created);
    h.clock.advance(60_000);
    expect(first).toMatchObject({ status: "new", accountId: acme.id, accountName: "Acme", dealName: "Acme rollout", personaName: "CFO", competitorName: "Rivalry", submittedByName: "Field sales", votes: 0, votedByMe: false, rideAlongId: null });
    const second = json<Ins>(await sdr.post("/api/v1/insights", { kind: "pain_point", text: "Month-end close takes ten days", accountId: globex.id, personaId: cfo.id }));

    // Validation names the field; another workspace's records are unknown references (400 on the field).
    const empty = await sales.post("/api/v1/insights", { kind: "objection", text: "  " });
    expect(json<{ details: { path: string }[] }>(empty).details[0]!.path).toBe("body.text");
    const foreign = await sales.post("/api/v1/insights", { kind: "objection", text: "x", personaId: theirs.id });
    expect([foreign.statusCode, json<{ details: { path: string }[] }>(foreign).details[0]!.path]).toEqual([400, "body.personaId"]);
    const mismatch = await sales.post("/api/v1/insights", { kind: "objection", text: "x", accountId: globex.id, dealId: deal.id });
    expect([mismatch.statusCode, json<{ details: { path: string }[] }>(mismatch).details[0]!.path]).toEqual([400, "body.dealId"]);
    // Marketing does not submit (it records ride-alongs); sales does not triage.
    expect((await mkt.post("/api/v1/insights", { kind: "objection", text: "x" })).statusCode).toBe(403);
    expect((await sales.post(`/api/v1/insights/${first.id}/triage`, { status: "reviewed" })).statusCode).toBe(403);
    // Another workspace's insight is a 404 for reading, triage and votes.
    const away = h.as(other.users.marketing);
    expect((await away.get(`/api/v1/insights/${first.id}`)).statusCode).toBe(404);
    expect((await away.post(`/api/v1/insights/${first.id}/triage`, { status: "reviewed" })).statusCode).toBe(404);
    expect((await away.put(`/api/v1/insights/${first.id}/vote`)).statusCode).toBe(404);

    // Triage: one step at a time; actioned says what was done; both steps tell the submitter (not the SDR).
    const triage = (id: string, body: Record<string, unknown>) => mkt.post(`/api/v1/insights/${id}/triage`, body);
    expect((await triage(first.id, { status: "actioned", actionTaken: "New pricing one-pager" })).statusCode).toBe(409);
    const noAction = await triage(first.id, { status: "actioned" });
    expect(json<{ details: { path: string }[] }>(noAction).details[0]!.path).toBe("body.actionTaken");
    h.clock.advance(60_000);
    expect(json<Ins>(await triage(first.id, { status: "reviewed" }))).toMatchObject({ status: "reviewed", reviewedBy: ws.users.marketing.userId, reviewedByName: "Field marketing" });
    expect((await triage(first.id, { status: "reviewed" })).statusCode).toBe(409);
    h.clock.advance(60_000);
    const done = json<Ins>(await triage(first.id, { status: "actioned", actionTaken: "New pricing one-pager for single teams" }));
    expect(done).toMatchObject({ status: "actioned", actionTaken: "New pricing one-pager for single teams", actionedByName: "Field marketing" });
    expect((await triage(first.id, { status: "reviewed" })).statusCode).toBe(409);
    const told = (await feed(sales)).filter((n) => n.kind === "insight.triaged").map((n) => [n.title, n.body, n.link]);
    expect(told).toEqual([
      ["Your insight was actioned: Too expensive for one team", "New pricing one-pager for single teams", `/insights?focus=${first.id}`],
      ["Your insight was reviewed: Too expensive for one team", "Field marketing in marketing reviewed it.", `/insights?focus=${first.id}`],
    ]);
    expect((await feed(sdr)).some((n) => n.kind === "insight.triaged")).toBe(false);

    // Filters: kind, status, persona, competitor, account (the deal's account counts), mine.
    const ids = async (q: string) => json<Page<Ins>>(await sdr.get(`/api/v1/insights${q}`)).items.map((i) => i.id);
    expect(await ids("")).toEqual([second.id, first.id]);
    expect(await ids("?kind=pain_point")).toEqual([second.id]);
    expect(await ids("?status=new")).toEqual([second.id]);
    expect(await ids(`?personaId=${cfo.id}`)).toEqual([second.id, first.id]);
    expect(await ids(`?competitorId=${rival.id}`)).toEqual([first.id]);
    expect(await ids(`?accountId=${acme.id}`)).toEqual([first.id]);
    expect(await ids(`?dealId=${deal.id}`)).toEqual([first.id]);
    expect(await ids("?mine=true")).toEqual([second.id]);

    const audit = await h.tdb.ownerDb.pool.query("select action from audit_log where workspace_id = $1 and entity = 'insight' and entity_id = $2 order by at, id", [ws.workspaceId, first.id]);
    expect(audit.rows.map((r: { action: string }) => r.action)).toEqual(["insight.created", "insight.reviewed", "insight.actioned"]);
  });

  it("counts one vote per member (a toggle), sorts by votes and pages with a cursor", async () => {
    const ws = await h.workspace("Votes");
    const [sales, sdr, mkt, manager] = [h.as(ws.users.sales), h.as(ws.users.sdr), h.as(ws.users.marketing), h.as(ws.users.manager)];
    const post = async (text: string) => json<Ins>(await sales.post("/api/v1/insights", { kind: "why_buying", text }));
    const a = await post("A");
    h.clock.advance(60_000);
    await post("B");
    h.clock.advance(60_000);
    const c = await post("C");
    // Sales votes for A twice: still one vote. SDR and marketing vote too: A has 3.
    expect(json<Ins>(await sales.put(`/api/v1/insights/${a.id}/vote`))).toMatchObject({ votes: 1, votedByMe: true });
    expect(json<Ins>(await sales.put(`/api/v1/insights/${a.id}/vote`))).toMatchObject({ votes: 1, votedByMe: true });
    await sdr.put(`/api/v1/insights/${a.id}/vote`);
    expect(json<Ins>(await mkt.put(`/api/v1/insights/${a.id}/vote`))).toMatchObject({ votes: 3, votedByMe: true });
    // C gets two, then sales takes theirs back (twice: the second changes nothing) → 1.
    await sales.put(`/api/v1/insights/${c.id}/vote`);
    await manager.put(`/api/v1/insights/${c.id}/vote`);
    expect(json<Ins>(await sales.delete(`/api/v1/insights/${c.id}/vote`))).toMatchObject({ votes: 1, votedByMe: false });
    expect(json<Ins>(await sales.delete(`/api/v1/insights/${c.id}/vote`))).toMatchObject({ votes: 1, votedByMe: false });
    expect(json<Ins>(await manager.get(`/api/v1/insights/${c.id}`))).toMatchObject({ votes: 1, votedByMe: true });
    const stored = await h.tdb.ownerDb.pool.query("select insight_id, count(*)::int as n from insight_votes where workspace_id = $1 group by insight_id", [ws.workspaceId]);
    expect(new Map(stored.rows.map((r: { insight_id: string; n: number }) => [r.insight_id, r.n]))).toEqual(new Map([[a.id, 3], [c.id, 1]]));

    // By votes: A (3), C (1), B (0); newest first: C, B, A. One per page, following the cursor.
    const walk = async (sort: string) => {
      const out: string[] = [];
      let cursor: string | null = null;
      do {
        const page: Page<Ins> = json<Page<Ins>>(await sdr.get(`/api/v1/insights?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ""}`));
        out.push(...page.items.map((i) => i.text));
        cursor = page.nextCursor;
      } while (cursor);
      return out;
    };
    expect(await walk("-votes")).toEqual(["A", "C", "B"]);
    expect(await walk("-createdAt")).toEqual(["C", "B", "A"]);
    expect(json<Page<Ins>>(await sdr.get(`/api/v1/insights?sort=-votes`)).items.map((i) => [i.text, i.votes, i.votedByMe])).toEqual([["A", 3, true], ["C", 1, false], ["B", 0, false]]);
    expect((await sdr.get("/api/v1/insights?cursor=garbage")).statusCode).toBe(400);

    // The CSV export follows the same filters and order.
    const csv = await mkt.get("/api/v1/insights/export.csv?sort=-votes");
    expect(csv.headers["content-type"]).toContain("text/csv");
    const rows = parse(csv.body.replace(/^\uFEFF/, ""), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.text, r.votes, r.kind])).toEqual([["A", "3", "Why they buy"], ["C", "1", "Why they buy"], ["B", "0", "Why they buy"]]);
  });

  it("records ride-alongs whose notes become insights carrying the ride-along's account and deal", async () => {
    const ws = await h.workspace("Rides");
    const other = await h.workspace("Far");
    const [sales, mkt] = [h.as(ws.users.sales), h.as(ws.users.marketing)];
    const acme = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Acme" }));
    const deal = json<{ id: string }>(await sales.post("/api/v1/deals", { accountId: acme.id, name: "Acme rollout", amount: 5000 }));
    const rival = json<{ id: string }>(await mkt.post("/api/v1/competitors", { name: "Rivalry" }));
    const body = {
      occurredOn: "2026-02-27",
      repIds: [ws.users.sales.userId, ws.users.sdr.userId],
      dealId: deal.id,
      notes: "Demo with the ops team. They compare us with Rivalry's free pilot; the COO signs.",
      insights: [
        { kind: "competitor_move", text: "Rivalry offers a free 60-day pilot", competitorId: rival.id },
        { kind: "who_is_buying", text: "The COO signs, IT only advises" },
      ],
    };
    expect((await sales.post("/api/v1/ride-alongs", body)).statusCode).toBe(403);
    const outsider = await mkt.post("/api/v1/ride-alongs", { ...body, repIds: [ws.users.sales.userId, other.users.sales.userId] });
    expect([outsider.statusCode, json<{ details: { path: string }[] }>(outsider).details[0]!.path]).toEqual([400, "body.repIds.1"]);
    const badKind = await mkt.post("/api/v1/ride-alongs", { ...body, insights: [{ kind: "gossip", text: "x" }] });
    expect(json<{ details: { path: string }[] }>(badKind).details[0]!.path).toBe("body.insights.0.kind");

    const res = await mkt.post("/api/v1/ride-alongs", body);
    expect(res.statusCode, res.body).toBe(201);
    const ride = json<Serialized<RideAlongDetail>>(res);
    expect(ride).toMatchObject({ occurredOn: "2026-02-27", accountId: acme.id, accountName: "Acme", dealName: "Acme rollout", recordedByName: "Rides marketing", insightCount: 2 });
    expect(ride.reps.map((r) => r.name)).toEqual(["Rides sales", "Rides sdr"]);
    expect(ride.insights.map((i) => [i.kind, i.rideAlongId, i.accountId, i.dealId, i.competitorName])).toEqual([
      ["competitor_move", ride.id, acme.id, deal.id, "Rivalry"],
      ["who_is_buying", ride.id, acme.id, deal.id, null],
    ]);

    // More insights from the same notes later; the deal's feed shows all three.
    const more = json<Serialized<RideAlongDetail>>(await mkt.post(`/api/v1/ride-alongs/${ride.id}/insights`, { kind: "decision_criterion", text: "Payback under a year" }));
    expect(more.insightCount).toBe(3);
    expect(json<Page<Ins>>(await sales.get(`/api/v1/insights?dealId=${deal.id}`)).items).toHaveLength(3);
    expect(json<Page<Ins>>(await sales.get(`/api/v1/insights?rideAlongId=${ride.id}&kind=decision_criterion`)).items.map((i) => i.text)).toEqual(["Payback under a year"]);
    expect((await sales.post(`/api/v1/ride-alongs/${ride.id}/insights`, { kind: "objection", text: "x" })).statusCode).toBe(403);
    expect((await h.as(other.users.marketing).get(`/api/v1/ride-alongs/${ride.id}`)).statusCode).toBe(404);

    const list = json<Page<Serialized<RideAlong>>>(await sales.get(`/api/v1/ride-alongs?accountId=${acme.id}`));
    expect(list.items.map((r) => [r.id, r.insightCount])).toEqual([[ride.id, 3]]);
  });
});
