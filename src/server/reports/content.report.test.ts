import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import type { ContentEffectiveness, ContentRoi, ContentUnused, ContentUsage } from "../../shared/contracts/reports/content.js";
import type { Serialized } from "../../shared/contracts/common.js";

const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const PERIOD = "from=2026-01-01&to=2026-03-01"; // ends 2026-03-02T00:00Z (UTC workspace); 90 days before: 2025-12-02

let ws: TestWorkspace;
const id: Record<string, string> = {};

/**
 * Hand-built story. 2025-10-01: five Engage assets published (A1 cost 1000, A2 cost 2000, others uncosted).
 * 2025-10-15: sales shares A4 with a contact (no deal) — its only use, older than 90 days at the period's end.
 * 2026-01-10: deals D1 10000, D2 20000, D3 5000, D4 8000 created; sales attaches A1 to D1 and D2; the SDR shares A2
 * for D2 and D3. 2026-01-20: the D3 prospect opens the link once. 2026-02-10: D1 won, D2 lost, D3 won, D4 lost.
 */
beforeAll(async () => {
  ws = await h.workspace("Acme");
  const admin = h.as(ws.users.admin);
  const mkt = h.as(ws.users.marketing);
  h.clock.set("2025-10-01T10:00:00Z");
  const costs: Record<string, number | null> = { A1: 1000, A2: 2000, A3: null, A4: null, A5: null };
  for (const [name, productionCost] of Object.entries(costs)) {
    id[name] = json<{ id: string }>(await mkt.post("/api/v1/assets", { kind: "link", url: `https://example.com/${name}`, title: name, format: "one_pager", buyingStage: "engage", productionCost })).id;
    expect((await mkt.post(`/api/v1/assets/${id[name]}/publish`)).statusCode).toBe(200);
  }
  const account = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Buyer" }));
  const contact = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "x@buyer.example", accountId: account.id }));
  h.clock.set("2025-10-15T10:00:00Z");
  expect((await h.as(ws.users.sales).post(`/api/v1/assets/${id.A4}/shares`, { contactId: contact.id })).statusCode).toBe(201);
  h.clock.set("2026-01-10T10:00:00Z");
  for (const [name, amount] of [["D1", 10000], ["D2", 20000], ["D3", 5000], ["D4", 8000]] as const) {
    id[name] = json<{ id: string }>(await admin.post("/api/v1/deals", { accountId: account.id, name, amount })).id;
  }
  for (const d of ["D1", "D2"]) expect((await h.as(ws.users.sales).post(`/api/v1/deals/${id[d]}/assets`, { assetId: id.A1 })).statusCode).toBe(200);
  let d3Token = "";
  for (const d of ["D2", "D3"]) {
    const s = json<{ token: string }>(await h.as(ws.users.sdr).post(`/api/v1/assets/${id.A2}/shares`, { dealId: id[d] }));
    d3Token = s.token;
  }
  h.clock.set("2026-01-20T10:00:00Z");
  expect((await h.app.inject({ method: "GET", url: `/s/${d3Token}` })).statusCode).toBe(302);
  h.clock.set("2026-02-10T10:00:00Z");
  for (const [d, outcome] of [["D1", "won"], ["D2", "lost"], ["D3", "won"], ["D4", "lost"]] as const) {
    const res = await admin.post(`/api/v1/deals/${id[d]}/close`, { outcome, reasonCode: outcome === "won" ? "product_fit" : "price" });
    expect(res.statusCode, res.body).toBe(200);
  }
  h.clock.set("2026-03-02T09:00:00Z");
});

describe("content reports", () => {
  it("unused: 2 never used (A3, A5) + 1 stale (A4, last used 2025-10-15) of a library of 5 → 0.6", async () => {
    const r = json<Serialized<ContentUnused>>(await h.as(ws.users.marketing).get(`/api/v1/reports/content-unused?${PERIOD}`));
    expect(r).toMatchObject({ asOf: "2026-03-02T00:00:00.000Z", library: 5, neverUsed: 2, stale: 1, unusedShare: 0.6 });
    expect(r.rows.map((x) => [x.title, x.lastUsedAt, x.uses])).toEqual([["A3", null, 0], ["A5", null, 0], ["A4", "2025-10-15T10:00:00.000Z", 1]]);
    // Another workspace's library is empty: no share at all rather than 0.
    const other = await h.workspace("Other");
    expect(json<ContentUnused>(await h.as(other.users.marketing).get(`/api/v1/reports/content-unused?${PERIOD}`))).toMatchObject({ library: 0, unusedShare: null });
  });

  it("effectiveness: A1 on D1 (won) and D2 (lost), A2 on D2 (lost) and D3 (won); deals with content win 2 of 3, without 0 of 1", async () => {
    const r = json<Serialized<ContentEffectiveness>>(await h.as(ws.users.manager).get(`/api/v1/reports/content-effectiveness?${PERIOD}`));
    expect(r.all).toEqual({ won: 2, lost: 2, winRate: 0.5 });
    expect(r.withContent).toEqual({ won: 2, lost: 1, winRate: 2 / 3 });
    expect(r.withoutContent).toEqual({ won: 0, lost: 1, winRate: 0 });
    expect(r.rows.map((x) => ({ t: x.title, won: x.won, lost: x.lost, winRate: x.winRate, deals: x.pipelineDeals, pipe: x.influencedPipeline, rev: x.influencedRevenue }))).toEqual([
      { t: "A1", won: 1, lost: 1, winRate: 0.5, deals: 2, pipe: 30000, rev: 10000 }, // D1 + D2
      { t: "A2", won: 1, lost: 1, winRate: 0.5, deals: 2, pipe: 25000, rev: 5000 }, // D2 + D3
    ]);
  });

  it("ROI: A1 (10000 − 1000) / 1000 = 9, A2 (5000 − 2000) / 2000 = 1.5; total (15000 − 3000) / 3000 = 4", async () => {
    const r = json<Serialized<ContentRoi>>(await h.as(ws.users.marketing).get(`/api/v1/reports/content-roi?${PERIOD}`));
    expect(r.totals).toEqual({ cost: 3000, influencedRevenue: 15000, roi: 4 });
    expect(r.rows.map((x) => [x.title, x.cost, x.wonDeals, x.influencedRevenue, x.roi])).toEqual([["A1", 1000, 1, 10000, 9], ["A2", 2000, 1, 5000, 1.5]]);
  });

  it("usage: the SDR shared twice and brought one view, sales attached twice (A4's October share is outside the period)", async () => {
    const res = await h.as(ws.users.sales).get(`/api/v1/reports/content-usage?${PERIOD}`);
    expect(res.statusCode, res.body).toBe(200);
    const r = json<Serialized<ContentUsage>>(res);
    expect(r.rows).toEqual([
      { id: ws.users.sdr.userId, name: "Acme sdr", shares: 2, attachments: 0, views: 1, assets: 1 },
      { id: ws.users.sales.userId, name: "Acme sales", shares: 0, attachments: 2, views: 0, assets: 1 },
    ]);
    const teams = json<Serialized<ContentUsage>>(await h.as(ws.users.sales).get(`/api/v1/reports/content-usage?${PERIOD}&groupBy=team`));
    expect(teams.rows).toEqual([{ id: null, name: "No team", shares: 2, attachments: 2, views: 1, assets: 2 }]);
  });
});
