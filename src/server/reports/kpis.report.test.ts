import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { KpiRecords, Kpis } from "../../shared/contracts/reports/kpis.js";

// Monday 2 March 2026, workspace in UTC; the period is January and February 2026.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-02-28";
let ws: TestWorkspace;
let repA: string;
let repB: string;
let d1: string;

beforeAll(async () => {
  ws = await h.workspace("Kpi");
  const r = alignmentRows(h, ws);
  repA = ws.users.sales.userId;
  repB = ws.users.manager.userId;
  const acc = await r.account();
  const p1 = await r.contact({ accountId: acc });
  const p2 = await r.contact({ accountId: acc });
  const champion = await r.contact({ accountId: acc });
  // d1: rep A, new, 10,000, 1 Jan → 11 Jan (10 days), won; forecast 12,000 for 15 Jan.
  d1 = await r.deal({ accountId: acc, ownerId: repA, primaryContactId: p1, amount: 10_000, createdAt: "2026-01-01T00:00:00Z", closedAt: "2026-01-11T00:00:00Z", outcome: "won", expectedCloseAt: "2026-01-15T00:00:00Z", forecastAmount: 12_000 });
  await r.touch(p1, "call", "2026-01-05T10:00:00Z"); // counts
  await r.touch(p1, "meeting", "2026-01-08T10:00:00Z"); // counts
  await r.touch(p1, "call", "2025-12-20T10:00:00Z"); // before the deal: not counted
  await r.touch(p1, "page_view", "2026-01-06T10:00:00Z"); // marketing: not counted
  // d2: rep A, expansion, 20,000, 1 Jan → 21 Jan (20 days), won; its champion took one call.
  const d2 = await r.deal({ accountId: acc, ownerId: repA, primaryContactId: p2, type: "expansion", amount: 20_000, createdAt: "2026-01-01T00:00:00Z", closedAt: "2026-01-21T00:00:00Z", outcome: "won" });
  await r.dealContact(d2, champion, "champion");
  await r.touch(champion, "call", "2026-01-10T10:00:00Z");
  // d3: rep B, renewal, 30,000, 1 Jan → 10 Feb (40 days), won; forecast 25,000 for 5 Feb.
  await r.deal({ accountId: acc, ownerId: repB, type: "renewal", amount: 30_000, createdAt: "2026-01-01T00:00:00Z", closedAt: "2026-02-10T00:00:00Z", outcome: "won", expectedCloseAt: "2026-02-05T00:00:00Z", forecastAmount: 25_000 });
  // d4: rep A, lost 15 Feb; forecast 5,000 for 10 Feb.
  await r.deal({ accountId: acc, ownerId: repA, amount: 5_000, createdAt: "2026-01-15T00:00:00Z", closedAt: "2026-02-15T00:00:00Z", outcome: "lost", expectedCloseAt: "2026-02-10T00:00:00Z", forecastAmount: 5_000 });
  // d5: rep B, no decision 20 Feb.
  await r.deal({ accountId: acc, ownerId: repB, amount: 7_000, createdAt: "2026-01-20T00:00:00Z", closedAt: "2026-02-20T00:00:00Z", outcome: "no_decision" });
  // d6: rep B, won 1 March (after the period); forecast 8,000 for 25 Feb — it slipped, so February's actual misses it.
  await r.deal({ accountId: acc, ownerId: repB, amount: 9_000, createdAt: "2026-02-01T00:00:00Z", closedAt: "2026-03-01T00:00:00Z", outcome: "won", expectedCloseAt: "2026-02-25T00:00:00Z", forecastAmount: 8_000 });
  // d7: open.
  await r.deal({ accountId: acc, ownerId: repA, amount: 100, createdAt: "2026-02-01T00:00:00Z" });
  // MQLs: three from webinars in the period (one became a customer after; one was a customer before), one without a source, one before the period.
  await r.contact({ source: "webinar", mqlAt: "2026-01-05T00:00:00Z", customerAt: "2026-02-01T00:00:00Z", stage: "customer", name: "Won Webinar" });
  await r.contact({ source: "webinar", mqlAt: "2026-01-06T00:00:00Z", stage: "mql" });
  await r.contact({ source: "webinar", mqlAt: "2026-02-01T00:00:00Z", customerAt: "2025-06-01T00:00:00Z", stage: "mql" });
  await r.contact({ mqlAt: "2026-02-02T00:00:00Z", stage: "mql" });
  await r.contact({ source: "webinar", mqlAt: "2025-12-31T00:00:00Z", customerAt: "2026-01-10T00:00:00Z", stage: "customer" });
});

describe("KPI report", () => {
  it("computes the KPIs of the deals closed in the period, worked out by hand", async () => {
    const res = await h.as(ws.users.sdr).get(`/api/v1/reports/kpis?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const k = json<Kpis & { period: unknown }>(res);
    expect(k.period).toEqual({ from: "2026-01-01", to: "2026-02-28", timezone: "UTC" });
    // Closed in Jan–Feb: d1, d2, d3 won (60,000), d4 lost, d5 no decision → win rate 3/5.
    // Cycles 10, 20, 40 days → median 20, mean 70/3. Sales activities: d1 2, d2 1, d3 0 → 1 per won deal.
    // Two reps closed deals → 30,000 per rep.
    expect(k.overall).toMatchObject({
      revenue: 60_000, won: 3, lost: 1, noDecision: 1, winRate: 0.6, averageDealSize: 20_000, medianCycleDays: 20, newRevenue: 10_000,
      expansionRevenue: 20_000, renewalRevenue: 30_000, salesActivities: 3, activitiesPerWonDeal: 1, reps: 2, revenuePerRep: 30_000,
    });
    expect(k.overall.meanCycleDays).toBeCloseTo(70 / 3, 10);
    // Forecast: January 12,000 against 10,000 won → 1 − 2,000/12,000; February 5,000 + 25,000 + 8,000 = 38,000 against
    // 30,000 (d3; d4 lost; d6 won in March) → 1 − 8,000/38,000; overall 1 − (2,000 + 8,000)/50,000 = 0.8.
    expect(k.forecast.map((m) => [m.month, m.deals, m.forecast, m.actual, m.settled])).toEqual([
      ["2026-01", 1, 12_000, 10_000, true],
      ["2026-02", 3, 38_000, 30_000, true],
    ]);
    expect(k.forecast[0]!.accuracy).toBeCloseTo(1 - 2_000 / 12_000, 10);
    expect(k.forecast[1]!.accuracy).toBeCloseTo(1 - 8_000 / 38_000, 10);
    expect(k.overall.forecastAccuracy).toBeCloseTo(0.8, 10);
    // Rep A: d1 + d2 won (30,000), d4 lost → 2/3, cycles 10 and 20 → 15, 3 activities over 2 wins. Rep B: d3 won, d5 no decision.
    const a = k.byRep.find((x) => x.ownerId === repA)!;
    expect(a).toMatchObject({ revenue: 30_000, won: 2, lost: 1, noDecision: 0, averageDealSize: 15_000, medianCycleDays: 15, salesActivities: 3, activitiesPerWonDeal: 1.5 });
    expect(a.winRate).toBeCloseTo(2 / 3, 10);
    expect(k.byRep.find((x) => x.ownerId === repB)).toMatchObject({ revenue: 30_000, won: 1, noDecision: 1, winRate: 0.5, renewalRevenue: 30_000, activitiesPerWonDeal: 0 });
    expect(k.byRep).toHaveLength(2);
    expect(k.byMonth.map((m) => [m.month, m.revenue, m.won, m.lost, m.noDecision])).toEqual([
      ["2026-01", 30_000, 2, 0, 0],
      ["2026-02", 30_000, 1, 1, 1],
    ]);
    // MQLs of the period: webinar 3 (one became a customer after its MQL), no source 1.
    expect(k.mqlToWonBySource).toEqual([
      { source: "webinar", mqls: 3, won: 1, rate: 1 / 3 },
      { source: "unknown", mqls: 1, won: 0, rate: 0 },
    ]);
  });

  it("narrows to one rep", async () => {
    const k = json<Kpis>(await h.as(ws.users.sales).get(`/api/v1/reports/kpis?${Q}&repId=${repB}`));
    expect(k.overall).toMatchObject({ revenue: 30_000, won: 1, lost: 0, noDecision: 1, reps: 1, revenuePerRep: 30_000 });
  });

  it("drills down to the deals and MQLs behind a number", async () => {
    const won = json<KpiRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/kpis/records?${Q}&set=won`));
    expect(won.total).toBe(3);
    expect(won.items.map((i) => (i.kind === "deal" ? [i.amount, i.salesActivities, i.cycleDays] : null))).toEqual([[30_000, 0, 40], [20_000, 1, 20], [10_000, 2, 10]]);
    const feb = json<KpiRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/kpis/records?${Q}&set=forecast&month=2026-02`));
    expect(feb.items.map((i) => (i.kind === "deal" ? i.forecastAmount : null))).toEqual([25_000, 8_000, 5_000]);
    const repAWon = json<KpiRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/kpis/records?${Q}&set=won&ownerId=${repA}`));
    expect(repAWon.items.map((i) => i.id)).toContain(d1);
    expect(repAWon.total).toBe(2);
    const mql = json<KpiRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/kpis/records?${Q}&set=mql_won&leadSource=webinar`));
    expect(mql.items.map((i) => i.name)).toEqual(["Won Webinar"]);
    const page = json<KpiRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/kpis/records?${Q}&set=won&limit=1&offset=1`));
    expect([page.items.length, page.total]).toEqual([1, 3]);
  });
});
