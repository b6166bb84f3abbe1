import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { reportData } from "../../../test/lead-report-data.js";
import type { LeadQualityRecords, LeadQualityReport } from "../../shared/contracts/reports/lead-quality.js";

const h = useHarness({ now: "2026-04-15T12:00:00Z" });
let ws: TestWorkspace;
const ids: Record<string, string> = {};
const k: Record<string, string> = {};
const Q = "from=2026-01-01&to=2026-03-31";
const t = (d: string) => (d.length > 5 ? `${d}T12:00:00Z` : `2026-${d}T12:00:00Z`);

/*
 * Q1 2026, UTC. Campaigns: K1 "Webinar A" and K2 "Webinar B" (vehicle Webinar), K3 "Ebook" (vehicle Ebook, spend only).
 * Cost lines in Q1: K1 1,000 (its 500 of 2 April is outside), K2 600, K3 400 (31 March in; 31 December out).
 * Hand-overs: K1 — L1 (inbound, accepted, sql, customer), L2 (inbound, accepted, sql), L3 (outbound, rejected),
 * L4 (inbound, pending); K2 — L5 (inbound, accepted, skipped to opportunity), L6 (outbound, rejected); none — L7
 * (outbound, accepted). Deals: D1 from L1 (K1 through L1), 10,000 created 1 Feb, won 1 Mar; D2 source campaign K2 but
 * lead L2, 5,000 created 10 Mar, open; D3 K1, lead L3, 2,000 created in December, won 20 Jan; D4 no lead, no campaign,
 * 3,000 created 2 Feb, lost; D5 K1 created in April (outside). Revenue credits (W-shaped / first touch): D1 K1 0.6/1,
 * K2 0.4/0; D3 K3 1/1; D6's credit to K1 converted in December is outside.
 */
beforeAll(async () => {
  ws = await h.workspace("Quality");
  const d = reportData(h, ws.workspaceId);
  k.k1 = await d.campaign("Webinar A", { vehicle: "Webinar" });
  k.k2 = await d.campaign("Webinar B", { vehicle: "Webinar" });
  k.k3 = await d.campaign("Ebook", { vehicle: "Ebook", channel: "content" });
  await d.cost(k.k1, "2026-01-15", 1000);
  await d.cost(k.k1, "2026-04-02", 500);
  await d.cost(k.k2, "2026-02-01", 600);
  await d.cost(k.k3, "2026-03-31", 400);
  await d.cost(k.k3, "2025-12-31", 300);
  const lead = async (key: string, campaignId: string | null, source: string, stage: string, at: Record<string, string>, decision?: [string, string, string?]) => {
    const stamps = Object.fromEntries(Object.entries(at).map(([s, v]) => [s, t(v)]));
    ids[key] = await d.contact({ firstName: key, campaignId, source, stage, at: stamps });
    await d.move(ids[key], "lead", "mql", stamps.mql!);
    if (decision) await d.move(ids[key], "mql", decision[0], t(decision[1]), decision[2] ?? null);
  };
  await lead("L1", k.k1, "inbound", "customer", { mql: "01-05", sal: "01-06", sql: "01-10", opportunity: "02-01", customer: "03-01" }, ["sal", "01-06"]);
  await lead("L2", k.k1, "inbound", "sql", { mql: "01-07", sal: "01-08", sql: "01-20" }, ["sal", "01-08"]);
  await lead("L3", k.k1, "outbound", "rejected", { mql: "01-09", rejected: "01-10" }, ["rejected", "01-10", "not_icp"]);
  await lead("L4", k.k1, "inbound", "mql", { mql: "02-01" });
  await lead("L5", k.k2, "inbound", "opportunity", { mql: "02-03", sal: "02-04", opportunity: "02-20" }, ["sal", "02-04"]);
  await lead("L6", k.k2, "outbound", "rejected", { mql: "02-05", rejected: "02-06" }, ["rejected", "02-06", "student"]);
  await lead("L7", null, "outbound", "sal", { mql: "03-03", sal: "03-04" }, ["sal", "03-04"]);
  const acct = await d.account();
  ids.D1 = await d.deal({ accountId: acct, name: "D1", amount: 10000, createdAt: t("02-01"), closedAt: t("03-01"), outcome: "won", sourceContactId: ids.L1 });
  ids.D2 = await d.deal({ accountId: acct, name: "D2", amount: 5000, createdAt: t("03-10"), sourceContactId: ids.L2, sourceCampaignId: k.k2 });
  ids.D3 = await d.deal({ accountId: acct, name: "D3", amount: 2000, createdAt: t("2025-12-01"), closedAt: t("01-20"), outcome: "won", primaryContactId: ids.L3, sourceCampaignId: k.k1 });
  ids.D4 = await d.deal({ accountId: acct, name: "D4", amount: 3000, createdAt: t("02-02"), closedAt: t("03-05"), outcome: "lost" });
  ids.D5 = await d.deal({ accountId: acct, name: "D5", amount: 7000, createdAt: t("04-02"), sourceCampaignId: k.k1 });
  ids.D6 = await d.deal({ accountId: acct, name: "D6", amount: 1000, createdAt: t("2025-11-01"), closedAt: t("2025-12-20"), outcome: "won", sourceCampaignId: k.k1 });
  await d.credit({ dealId: ids.D1, basis: "revenue", campaignId: k.k1, convertedAt: t("03-01"), amount: 10000, w: { w_shaped: 0.6, first: 1 } });
  await d.credit({ dealId: ids.D1, basis: "revenue", campaignId: k.k2, convertedAt: t("03-01"), amount: 10000, position: 2, w: { w_shaped: 0.4, first: 0 } });
  await d.credit({ dealId: ids.D3, basis: "revenue", campaignId: k.k3, convertedAt: t("01-20"), amount: 2000, w: { w_shaped: 1, first: 1 } });
  await d.credit({ dealId: ids.D6, basis: "revenue", campaignId: k.k1, convertedAt: t("2025-12-20"), amount: 1000, w: { w_shaped: 1, first: 1 } });
  // The pipeline basis never counts as revenue.
  await d.credit({ dealId: ids.D2, basis: "pipeline", campaignId: k.k2, convertedAt: t("03-10"), amount: 5000, w: { w_shaped: 1, first: 1 } });
});

const get = async <T>(url: string) => {
  const res = await h.as(ws.users.sales).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
};

describe("lead quality", () => {
  it("per campaign: hand-overs, conversion, sourced deals, cost in the period, cost per MQL/SQL/won and W-shaped ROI", async () => {
    const r = await get<LeadQualityReport>(`/api/v1/reports/lead-quality?${Q}`);
    expect([r.by, r.model]).toEqual(["campaign", "w_shaped"]);
    expect(r.rows.map((x) => x.label)).toEqual(["Webinar A", "Webinar B", null, "Ebook"]);
    const [a, b, none, ebook] = r.rows;
    // Webinar A: 4 MQLs, 2 of 3 decided accepted, 2 SQLs (L1, L2), 1 customer; D1 pipeline 10,000; revenue D1 + D3 = 12,000
    // (2 won deals); cost 1,000 → 250 per MQL, 500 per SQL, 500 per won; 0.6 × 10,000 = 6,000 attributed → ROI 5.
    expect(a).toEqual({
      key: k.k1, label: "Webinar A", mqls: 4, accepted: 2, rejected: 1, acceptanceRate: 2 / 3, sqls: 2, mqlToSql: 0.5, wonLeads: 1, sqlToWon: 0.5,
      pipeline: 10000, revenue: 12000, wonDeals: 2, cost: 1000, costPerMql: 250, costPerSql: 500, costPerWon: 500, attributedRevenue: 6000, roi: 5,
    });
    // Webinar B: L5 skipped sql but reached opportunity, so it passed sql; D2 is K2's (its source campaign) → pipeline 5,000.
    // No won deal → cost per won null; 4,000 attributed against 600 → ROI 3,400 / 600.
    expect(b).toMatchObject({ mqls: 2, accepted: 1, rejected: 1, acceptanceRate: 0.5, sqls: 1, wonLeads: 0, sqlToWon: 0, pipeline: 5000, revenue: 0, wonDeals: 0, cost: 600, costPerMql: 300, costPerSql: 600, costPerWon: null, attributedRevenue: 4000 });
    expect(b!.roi).toBeCloseTo(3400 / 600, 12);
    // No campaign: L7 and the lost D4; no cost → no ROI, no cost per SQL (no SQL), cost per MQL 0 / 1 = 0.
    expect(none).toMatchObject({ key: null, mqls: 1, acceptanceRate: 1, sqls: 0, mqlToSql: 0, sqlToWon: null, pipeline: 3000, cost: 0, costPerMql: 0, costPerSql: null, costPerWon: null, roi: null });
    // Ebook: spend and credit only → every lead ratio null; ROI (2,000 − 400) / 400 = 4.
    expect(ebook).toMatchObject({ mqls: 0, acceptanceRate: null, mqlToSql: null, costPerMql: null, cost: 400, attributedRevenue: 2000, roi: 4 });
    expect(r.totals).toMatchObject({ mqls: 7, accepted: 4, rejected: 2, sqls: 3, wonLeads: 1, pipeline: 18000, revenue: 12000, wonDeals: 2, cost: 2000, costPerWon: 1000, attributedRevenue: 12000, roi: 5 });
    expect(r.totals.mqlToSql).toBeCloseTo(3 / 7, 12);
    expect(r.unallocated).toEqual({ cost: 0, attributedRevenue: 0 });
  });

  it("takes the attribution model from the query: first touch gives Webinar A all of D1", async () => {
    const r = await get<LeadQualityReport>(`/api/v1/reports/lead-quality?${Q}&model=first`);
    expect(r.rows.map((x) => [x.label, x.attributedRevenue, x.roi])).toEqual([
      ["Webinar A", 10000, 9],
      ["Webinar B", 0, -1],
      [null, 0, null],
      ["Ebook", 2000, 4],
    ]);
  });

  it("per vehicle sums the campaigns; per source splits each campaign's cost and credit by its MQL shares", async () => {
    const v = await get<LeadQualityReport>(`/api/v1/reports/lead-quality?${Q}&by=vehicle`);
    // Webinar = A + B: 6 MQLs, 3 SQLs, cost 1,600, attributed 10,000 → ROI 8,400 / 1,600 = 5.25.
    expect(v.rows.map((x) => [x.key, x.mqls, x.sqls, x.pipeline, x.revenue, x.cost, x.attributedRevenue, x.roi])).toEqual([
      ["Webinar", 6, 3, 15000, 12000, 1600, 10000, 5.25],
      [null, 1, 0, 3000, 0, 0, 0, null],
      ["Ebook", 0, 0, 0, 0, 400, 2000, 4],
    ]);
    const s = await get<LeadQualityReport>(`/api/v1/reports/lead-quality?${Q}&by=source`);
    // K1's MQLs: 3 inbound, 1 outbound → 750 / 250 of its cost and 4,500 / 1,500 of its credit; K2's 1 / 1 → 300 / 300
    // and 2,000 / 2,000. Ebook has no MQL: its 400 and 2,000 stay unallocated.
    const inbound = s.rows.find((x) => x.key === "inbound")!;
    const outbound = s.rows.find((x) => x.key === "outbound")!;
    expect(inbound).toMatchObject({ mqls: 4, accepted: 3, rejected: 0, sqls: 3, wonLeads: 1, pipeline: 15000, revenue: 10000, wonDeals: 1, cost: 1050, costPerMql: 262.5, costPerSql: 350, costPerWon: 1050, attributedRevenue: 6500 });
    expect(inbound.roi).toBeCloseTo((6500 - 1050) / 1050, 12);
    // Outbound: L3, L6 rejected, L7 accepted; D3 (lead L3) won 2,000.
    expect(outbound).toMatchObject({ mqls: 3, accepted: 1, rejected: 2, sqls: 0, costPerSql: null, revenue: 2000, wonDeals: 1, cost: 550, costPerWon: 550, attributedRevenue: 3500 });
    expect(s.rows.find((x) => x.key === null)).toMatchObject({ mqls: 0, pipeline: 3000, cost: 0, roi: null });
    expect(s.unallocated).toEqual({ cost: 400, attributedRevenue: 2000 });
    expect(s.totals).toMatchObject({ cost: 2000, attributedRevenue: 12000 });
    // A source filter does not move a campaign's whole cost onto the one source left.
    const only = await get<LeadQualityReport>(`/api/v1/reports/lead-quality?${Q}&by=source&source=inbound`);
    expect(only.rows.find((x) => x.key === "inbound")).toMatchObject({ mqls: 4, cost: 1050 });
  });

  it("drills down to the leads and the deals behind a row", async () => {
    const l = await get<LeadQualityRecords>(`/api/v1/reports/lead-quality/records?${Q}&by=campaign&key=${k.k1}&records=leads`);
    expect(l.total).toBe(4);
    expect(l.items.map((i) => [i.name, i.outcome, i.reachedSql, i.wonLead])).toEqual([
      ["L1", "accepted", true, true],
      ["L2", "accepted", true, false],
      ["L3", "rejected", false, false],
      ["L4", "pending", false, false],
    ]);
    const dl = await get<LeadQualityRecords>(`/api/v1/reports/lead-quality/records?${Q}&by=campaign&key=${k.k1}&records=deals`);
    expect(dl.items.map((i) => [i.id, i.amount, i.outcome, i.inPipeline, i.inRevenue])).toEqual([
      [ids.D3, 2000, "won", false, true],
      [ids.D1, 10000, "won", true, true],
    ]);
    const none = await get<LeadQualityRecords>(`/api/v1/reports/lead-quality/records?${Q}&by=campaign&key=none&records=deals`);
    expect(none.items.map((i) => i.id)).toEqual([ids.D4]);
    const webinar = await get<LeadQualityRecords>(`/api/v1/reports/lead-quality/records?${Q}&by=vehicle&key=Webinar&limit=2&offset=4`);
    expect([webinar.total, webinar.items.map((i) => i.name)]).toEqual([6, ["L5", "L6"]]);
  });
});
