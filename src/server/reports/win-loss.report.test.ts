import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { WinLossRecords, WinLossReport } from "../../shared/contracts/reports/win-loss.js";

// Workspace in UTC; the period is January–June 2026.
const h = useHarness({ now: "2026-07-01T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-06-30";
let ws: TestWorkspace;
const ids: Record<string, string> = {};

beforeAll(async () => {
  ws = await h.workspace("WinLoss");
  const r = alignmentRows(h, ws);
  const sales = ws.users.sales.userId;
  const manager = ws.users.manager.userId;
  const ent = await r.account({ segment: "enterprise" });
  const smb = await r.account({ segment: "smb" });
  const c1 = await r.contact({ accountId: ent, source: "webinar", persona: "cto" });
  const c2 = await r.contact({ accountId: smb, source: "ads", persona: "cfo" });
  const deal = (o: Omit<Parameters<typeof r.deal>[0], "createdAt">) => r.deal({ ...o, createdAt: "2025-12-01T00:00:00Z" });
  ids.w1 = await deal({ name: "w1", accountId: ent, primaryContactId: c1, ownerId: sales, amount: 10_000, closedAt: "2026-01-10T00:00:00Z", outcome: "won", reasonCode: "product_fit", competitor: "Stackline" });
  ids.w2 = await deal({ name: "w2", accountId: smb, primaryContactId: c2, ownerId: manager, amount: 20_000, closedAt: "2026-02-05T00:00:00Z", outcome: "won", reasonCode: "price" });
  ids.l1 = await deal({ name: "l1", accountId: ent, primaryContactId: c1, ownerId: sales, amount: 5_000, closedAt: "2026-01-20T00:00:00Z", outcome: "lost", reasonCode: "competitor", competitor: "Stackline" });
  ids.l2 = await deal({ name: "l2", accountId: smb, primaryContactId: c2, ownerId: sales, amount: 8_000, closedAt: "2026-04-15T00:00:00Z", outcome: "lost", reasonCode: "price", competitor: "Stackline" });
  ids.l3 = await deal({ name: "l3", accountId: ent, primaryContactId: c1, ownerId: manager, amount: 4_000, closedAt: "2026-05-02T00:00:00Z", outcome: "lost", reasonCode: "competitor", competitor: "Rivalry" });
  ids.l4 = await deal({ name: "l4", accountId: smb, primaryContactId: c2, ownerId: sales, amount: 6_000, closedAt: "2026-05-20T00:00:00Z", outcome: "lost", reasonCode: "timing" });
  ids.n1 = await deal({ name: "n1", accountId: ent, primaryContactId: c1, ownerId: manager, amount: 3_000, closedAt: "2026-06-01T00:00:00Z", outcome: "no_decision", reasonCode: "status_quo" });
  // Outside the period (closed 31 Dec 2025) and still open: neither counts.
  await deal({ name: "old", accountId: ent, amount: 99_000, closedAt: "2025-12-31T00:00:00Z", outcome: "lost", reasonCode: "price", competitor: "Stackline" });
  await deal({ name: "open", accountId: ent, amount: 1_000 });
});

const get = async <T>(q: string) => json<T>(await h.as(ws.users.marketing).get(`/api/v1/reports/win-loss${q}`));

describe("win/loss report", () => {
  it("totals and the cut by competitor", async () => {
    const rep = await get<WinLossReport>(`?${Q}&by=competitor`);
    // won: w1 + w2 = 30,000; lost: l1..l4 = 5,000 + 8,000 + 4,000 + 6,000 = 23,000; no decision: n1 = 3,000; win rate 2/7.
    expect(rep.totals).toEqual({ won: 2, lost: 4, noDecision: 1, wonAmount: 30_000, lostAmount: 23_000, noDecisionAmount: 3_000, winRate: 2 / 7 });
    // Stackline: w1 won, l1 + l2 lost (13,000); no competitor: w2, l4, n1; Rivalry: l3. Ties (3 deals) by label.
    expect(rep.rows.map((r) => [r.key, r.won, r.lost, r.noDecision, r.lostAmount])).toEqual([
      ["none", 1, 1, 1, 6_000],
      ["Stackline", 1, 2, 0, 13_000],
      ["Rivalry", 0, 1, 0, 4_000],
    ]);
    expect(rep.rows[1]!.winRate).toBe(1 / 3);
  });

  it("quarterly trend with the competitors' share of losses rising", async () => {
    const rep = await get<WinLossReport>(`?${Q}&by=segment&grain=quarter`);
    // Q1: w1, w2 won, l1 lost (to Stackline) → share 1/1. Q2: l2 (Stackline), l3 (Rivalry), l4 (none) lost, n1 → share 2/3.
    expect(rep.trend.map((t) => [t.period, t.won, t.lost, t.noDecision, t.competitorLossShare])).toEqual([
      ["2026-Q1", 2, 1, 0, 1],
      ["2026-Q2", 0, 3, 1, 2 / 3],
    ]);
    expect(rep.competitorTrend).toEqual([
      { period: "2026-Q1", competitor: "Stackline", losses: 1, share: 1 },
      { period: "2026-Q2", competitor: "Rivalry", losses: 1, share: 1 / 3 },
      { period: "2026-Q2", competitor: "Stackline", losses: 1, share: 1 / 3 },
    ]);
    // Segments: enterprise w1, l1, l3, n1; smb w2, l2, l4.
    expect(rep.rows.map((r) => [r.label, r.won, r.lost, r.noDecision])).toEqual([
      ["enterprise", 1, 2, 1],
      ["smb", 1, 2, 0],
    ]);
  });

  it("by reason, source, persona and rep, and the top reasons", async () => {
    const byReason = await get<WinLossReport>(`?${Q}&by=reason&grain=month`);
    expect(byReason.trend.map((t) => t.period)).toEqual(["2026-01", "2026-02", "2026-04", "2026-05", "2026-06"]);
    expect(byReason.rows.find((r) => r.key === "lost:competitor")).toMatchObject({ label: "Lost to a competitor", lost: 2, lostAmount: 9_000 });
    // Lost: competitor 2 of 4, price 1, timing 1; won: price 1 of 2, product_fit 1; no decision: status_quo 1 of 1.
    expect(byReason.topReasons.map((r) => [r.outcome, r.code, r.deals, r.share])).toEqual([
      ["lost", "competitor", 2, 0.5],
      ["lost", "price", 1, 0.25],
      ["lost", "timing", 1, 0.25],
      ["no_decision", "status_quo", 1, 1],
      ["won", "price", 1, 0.5],
      ["won", "product_fit", 1, 0.5],
    ]);
    const bySource = await get<WinLossReport>(`?${Q}&by=source`);
    expect(bySource.rows.map((r) => [r.key, r.won + r.lost + r.noDecision])).toEqual([["webinar", 4], ["ads", 3]]);
    const byPersona = await get<WinLossReport>(`?${Q}&by=persona`);
    expect(byPersona.rows.map((r) => r.key)).toEqual(["cto", "cfo"]);
    const byRep = await get<WinLossReport>(`?${Q}&by=rep`);
    // sales: w1, l1, l2, l4; manager: w2, l3, n1.
    expect(byRep.rows.map((r) => [r.key, r.won, r.lost, r.noDecision])).toEqual([
      [ws.users.sales.userId, 1, 3, 0],
      [ws.users.manager.userId, 1, 1, 1],
    ]);
  });

  it("trends every cut: each key's deals per period", async () => {
    const rep = await get<WinLossReport>(`?${Q}&by=reason&grain=quarter`);
    // Q1: w1 won (product_fit), w2 won (price), l1 lost (competitor). Q2: l2 lost (price), l3 lost (competitor),
    // l4 lost (timing), n1 no decision (status_quo). One deal each, so by key within a quarter.
    expect(rep.rowTrend.map((t) => [t.period, t.key, t.won, t.lost, t.noDecision])).toEqual([
      ["2026-Q1", "lost:competitor", 0, 1, 0],
      ["2026-Q1", "won:price", 1, 0, 0],
      ["2026-Q1", "won:product_fit", 1, 0, 0],
      ["2026-Q2", "lost:competitor", 0, 1, 0],
      ["2026-Q2", "lost:price", 0, 1, 0],
      ["2026-Q2", "lost:timing", 0, 1, 0],
      ["2026-Q2", "no_decision:status_quo", 0, 0, 1],
    ]);
    expect(rep.rowTrend[0]!.label).toBe("Lost to a competitor");
    // By rep and month: sales closed w1 + l1 in January (1 won, 1 lost), the manager w2 in February.
    const byRep = await get<WinLossReport>(`?${Q}&by=rep&grain=month`);
    expect(byRep.rowTrend.filter((t) => t.period <= "2026-02").map((t) => [t.period, t.key, t.won, t.lost])).toEqual([
      ["2026-01", ws.users.sales.userId, 1, 1],
      ["2026-02", ws.users.manager.userId, 1, 0],
    ]);
  });

  it("filters by competitor (any case) and segment", async () => {
    expect((await get<WinLossReport>(`?${Q}&competitor=stackline`)).totals).toMatchObject({ won: 1, lost: 2, noDecision: 0 });
    expect((await get<WinLossReport>(`?${Q}&segment=smb`)).totals).toMatchObject({ won: 1, lost: 2, wonAmount: 20_000, lostAmount: 14_000 });
  });

  it("drills down to the deals behind a number", async () => {
    const lostToStackline = await get<WinLossRecords>(`/records?${Q}&by=competitor&key=Stackline&outcome=lost`);
    expect(lostToStackline.total).toBe(2);
    expect(lostToStackline.items.map((d) => d.id)).toEqual([ids.l2, ids.l1]);
    // A page past the last row still says how many there are (the window count has no row to ride on).
    const past = await get<WinLossRecords>(`/records?${Q}&by=competitor&key=Stackline&outcome=lost&offset=5&limit=5`);
    expect([past.total, past.items]).toEqual([2, []]);
    expect(lostToStackline.items[0]).toMatchObject({ name: "l2", reasonCode: "price", reasonLabel: "Price", competitor: "Stackline", segment: "smb", source: "ads", interviewed: false });
    const q2NoCompetitor = await get<WinLossRecords>(`/records?${Q}&by=competitor&key=none&period=2026-Q2`);
    expect(q2NoCompetitor.items.map((d) => d.name)).toEqual(["n1", "l4"]);
    const bad = await h.as(ws.users.marketing).get(`/api/v1/reports/win-loss/records?${Q}&period=2026-13x`);
    expect(bad.statusCode).toBe(400);
  });
});
