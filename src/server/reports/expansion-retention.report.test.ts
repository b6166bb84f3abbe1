import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { ExpansionRetention, ExpansionRetentionRecords } from "../../shared/contracts/reports/expansion-retention.js";

// Workspace in UTC; every deal below is hand-placed so each number is worked out in the comments.
const h = useHarness({ now: "2026-07-01T09:00:00Z" });
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await h.workspace("Retention");
  const r = alignmentRows(h, ws);
  const a = await r.account({ name: "Acme", customerStatus: "customer", segment: "Enterprise" });
  const b = await r.account({ name: "Beta", customerStatus: "customer", segment: "SMB" });
  const deal = (type: string, amount: number, closedAt: string | null, outcome?: "won" | "lost" | "no_decision", accountId = a) =>
    r.deal({ accountId, type, amount, createdAt: "2025-11-01T00:00:00Z", ...(closedAt ? { closedAt, outcome, reasonCode: "price" } : {}) });
  await deal("new", 50_000, "2026-01-10T12:00:00Z", "won"); // Jan, Q1: new logo
  await deal("new", 20_000, "2026-01-20T12:00:00Z", "lost"); // lost: no revenue
  await deal("cross_sell", 8_000, "2026-02-05T12:00:00Z", "won"); // Feb, Q1
  await deal("upsell", 4_000, "2026-02-20T12:00:00Z", "won", b); // Feb, Q1 (SMB)
  await deal("expansion", 1_000, "2026-04-03T12:00:00Z", "won"); // Apr, Q2
  await deal("renewal", 30_000, "2026-03-15T12:00:00Z", "won"); // Mar, Q1: renewed
  await deal("renewal", 10_000, "2026-03-25T12:00:00Z", "lost", b); // Mar, Q1: churned (SMB)
  await deal("renewal", 5_000, "2026-05-10T12:00:00Z", "no_decision"); // May, Q2: churned
  await deal("renewal", 15_000, "2026-05-20T12:00:00Z", "won"); // May, Q2: renewed
  await deal("renewal", 99_000, "2025-12-31T12:00:00Z", "won"); // before the period
  await deal("renewal", 7_000, null); // still open
});

const report = async (qs: string) => json<ExpansionRetention>(await h.as(ws.users.manager).get(`/api/v1/reports/expansion-retention?from=2026-01-01&to=2026-06-30&${qs}`));

describe("expansion and retention revenue", () => {
  it("splits won revenue into new logo, expansion and renewal per quarter, with GRR and NRR over the renewals that came up", async () => {
    const q = await report("grain=quarter");
    const zero = { newLogo: 0, crossSell: 0, upsell: 0, newLogoDeals: 0 };
    // Q1: renewed 30,000, churned 10,000 → base 40,000; GRR 30/40 = 0.75; NRR (30,000 + 8,000 + 4,000) / 40,000 = 1.05.
    // Q2: renewed 15,000, churned 5,000 → base 20,000; GRR 0.75; NRR (15,000 + 1,000) / 20,000 = 0.8.
    expect(q.trend).toEqual([
      { period: "2026-Q1", newLogo: 50_000, crossSell: 8_000, upsell: 4_000, expansion: 12_000, renewed: 30_000, churned: 10_000, renewalBase: 40_000, grossRetention: 0.75, netRetention: 1.05, newLogoDeals: 1, expansionDeals: 2, renewalsWon: 1, renewalsLost: 1 },
      { period: "2026-Q2", ...zero, expansion: 1_000, renewed: 15_000, churned: 5_000, renewalBase: 20_000, grossRetention: 0.75, netRetention: 0.8, expansionDeals: 1, renewalsWon: 1, renewalsLost: 1 },
    ]);
    // Whole range: base 60,000; GRR 45/60 = 0.75; NRR (45,000 + 13,000) / 60,000 = 0.9666…
    expect(q.totals).toMatchObject({ newLogo: 50_000, expansion: 13_000, renewed: 45_000, churned: 15_000, renewalBase: 60_000, grossRetention: 0.75 });
    expect(q.totals.netRetention).toBeCloseTo(58 / 60, 10);
  });

  it("by month: a month with no renewal has no retention rate; the segment filter keeps its deals only", async () => {
    const m = await report("grain=month");
    expect(m.trend.map((t) => [t.period, t.grossRetention, t.netRetention])).toEqual([
      ["2026-01", null, null],
      ["2026-02", null, null],
      ["2026-03", 0.75, 0.75], // renewed 30,000 of 40,000; no expansion in March
      ["2026-04", null, null],
      ["2026-05", 0.75, 0.75],
    ]);
    // SMB (Beta): the upsell 4,000 and the lost renewal 10,000 → GRR 0, NRR 4,000 / 10,000 = 0.4.
    const smb = await report("grain=quarter&segment=SMB");
    expect(smb.totals).toMatchObject({ newLogo: 0, expansion: 4_000, renewed: 0, churned: 10_000, grossRetention: 0, netRetention: 0.4 });
  });

  it("drills down from every figure to the deals behind it: their amounts add up to the number shown", async () => {
    const records = async (qs: string) => json<ExpansionRetentionRecords>(await h.as(ws.users.sales).get(`/api/v1/reports/expansion-retention/records?from=2026-01-01&to=2026-06-30&${qs}`));
    const sum = (r: ExpansionRetentionRecords) => r.items.reduce((n, d) => n + d.amount, 0);
    // Q1 churned: the lost Beta renewal (10,000) only — not the lost new deal (20,000), which was never revenue.
    const churnedQ1 = await records("measure=churned&period=2026-Q1");
    expect(churnedQ1.items.map((d) => [d.accountName, d.type, d.outcome, d.amount])).toEqual([["Beta", "renewal", "lost", 10_000]]);
    expect(churnedQ1).toMatchObject({ total: 1, amount: 10_000 });
    // Q1 expansion: cross-sell 8,000 (Acme) + upsell 4,000 (Beta) = 12,000, largest first.
    const expansionQ1 = await records("measure=expansion&period=2026-Q1");
    expect(expansionQ1.items.map((d) => [d.accountName, d.type, d.amount])).toEqual([["Acme", "cross_sell", 8_000], ["Beta", "upsell", 4_000]]);
    // Every figure of the range, of each quarter and of each month: the rows sum to the report's number.
    const byQuarter = await report("grain=quarter");
    const byMonth = await report("grain=month");
    const measures = ["newLogo", "crossSell", "upsell", "expansion", "renewed", "churned", "renewalBase"] as const;
    for (const m of measures) {
      const all = await records(`measure=${m}&limit=500`);
      expect([m, sum(all), all.amount]).toEqual([m, byQuarter.totals[m], byQuarter.totals[m]]);
      for (const t of [...byQuarter.trend, ...byMonth.trend]) {
        const one = await records(`measure=${m}&period=${t.period}&limit=500`);
        expect([m, t.period, sum(one)]).toEqual([m, t.period, t[m]]);
      }
    }
    // The renewal base of the range: 30,000 + 10,000 + 5,000 + 15,000 = 60,000 over 4 deals (the open one and
    // December's are outside); paged two at a time the pages still carry the whole sum.
    const page2 = await records("measure=renewalBase&limit=2&offset=2");
    expect(page2).toMatchObject({ total: 4, amount: 60_000 });
    expect(page2.items.map((d) => d.amount)).toEqual([10_000, 5_000]);
    expect(await records("measure=renewalBase&limit=2&offset=10")).toMatchObject({ total: 4, amount: 60_000, items: [] });
    // The segment filter applies as in the report: SMB churned is Beta's 10,000.
    expect(await records("measure=churned&segment=SMB")).toMatchObject({ total: 1, amount: 10_000 });
  });
});
