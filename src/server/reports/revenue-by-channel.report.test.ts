import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { RevenueByChannel, RevenueByChannelRecords } from "../../shared/contracts/reports/revenue-by-channel.js";

// Monday 2 March 2026, workspace in UTC; the period is January and February 2026.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-02-28";
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await h.workspace("Channel");
  const r = alignmentRows(h, ws);
  const webinar = await r.campaign({ name: "Webinar", channel: "webinar" });
  const alliance = await r.campaign({ name: "Alliance", channel: "partner" });
  const partnerAcc = await r.account({ name: "Partner Co", customerStatus: "partner" });
  const pp = await r.contact({ accountId: partnerAcc, channel: "referral", name: "Pat Partner" });
  const acc = await r.account({ name: "Buyer Inc", customerStatus: "customer" });
  const x1 = await r.contact({ accountId: acc, channel: "paid_search" });
  const x2 = await r.contact({ accountId: acc });
  // R1 won Jan via the webinar campaign (created before the period): webinar revenue 10,000.
  await r.deal({ accountId: acc, name: "R1", sourceCampaignId: webinar, amount: 10_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-01-15T00:00:00Z", outcome: "won" });
  // R2 created Jan, won Feb, sourced by a partner account's contact (its webinar campaign does not matter): partner 20,000 both ways.
  await r.deal({ accountId: acc, name: "R2", sourceContactId: pp, sourceCampaignId: webinar, amount: 20_000, createdAt: "2026-01-10T00:00:00Z", closedAt: "2026-02-15T00:00:00Z", outcome: "won" });
  // R3 open, created Feb, from the partner-channel campaign: partner pipeline 5,000.
  await r.deal({ accountId: acc, name: "R3", sourceCampaignId: alliance, amount: 5_000, createdAt: "2026-02-01T00:00:00Z" });
  // R4 created Jan, lost: its primary contact came from paid search → paid_search pipeline 8,000.
  await r.deal({ accountId: acc, name: "R4", primaryContactId: x1, amount: 8_000, createdAt: "2026-01-05T00:00:00Z", closedAt: "2026-02-01T00:00:00Z", outcome: "lost" });
  // R5 created Jan, won Feb, nothing names a channel → unattributed 12,000 both ways.
  await r.deal({ accountId: acc, name: "R5", primaryContactId: x2, amount: 12_000, createdAt: "2026-01-20T00:00:00Z", closedAt: "2026-02-20T00:00:00Z", outcome: "won" });
  // R6 won in March, created in December: outside both.
  await r.deal({ accountId: acc, name: "R6", sourceCampaignId: webinar, amount: 99_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-03-01T00:00:00Z", outcome: "won" });
});

describe("revenue by channel report", () => {
  it("splits won revenue and pipeline by sourcing channel, worked out by hand", async () => {
    const res = await h.as(ws.users.sdr).get(`/api/v1/reports/revenue-by-channel?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const c = json<RevenueByChannel>(res);
    // Revenue: R1 10,000 + R2 20,000 + R5 12,000 = 42,000. Pipeline: R2 20,000 + R3 5,000 + R4 8,000 + R5 12,000 = 45,000.
    expect(c.total).toEqual({ revenue: 42_000, wonDeals: 3, pipeline: 45_000, pipelineDeals: 4 });
    expect(c.channels.map((x) => [x.channel, x.revenue, x.wonDeals, x.pipeline, x.pipelineDeals])).toEqual([
      ["partner", 20_000, 1, 25_000, 2], ["unattributed", 12_000, 1, 12_000, 1], ["webinar", 10_000, 1, 0, 0], ["paid_search", 0, 0, 8_000, 1],
    ]);
    expect(c.channels[0]!.revenueShare).toBeCloseTo(20 / 42, 12);
    expect(c.channels[0]!.pipelineShare).toBeCloseTo(25 / 45, 12);
    // Partner: R2 (partner account) and R3 (partner channel).
    expect(c.partner).toMatchObject({ revenue: 20_000, pipeline: 25_000, wonDeals: 1, pipelineDeals: 2, viaPartnerAccount: 1 });
  });

  it("narrows to one channel", async () => {
    const c = json<RevenueByChannel>(await h.as(ws.users.sdr).get(`/api/v1/reports/revenue-by-channel?${Q}&channel=partner`));
    expect(c.total).toEqual({ revenue: 20_000, wonDeals: 1, pipeline: 25_000, pipelineDeals: 2 });
  });

  it("drills down to the deals and says where each channel came from", async () => {
    const p = json<RevenueByChannelRecords>(await h.as(ws.users.sales).get(`/api/v1/reports/revenue-by-channel/records?${Q}&channelKey=partner&measure=pipeline`));
    expect(p.items.map((i) => [i.name, i.amount, i.channelFrom, i.campaignName, i.sourceContactName])).toEqual([
      ["R2", 20_000, "partner_account", "Webinar", "Pat Partner"], ["R3", 5_000, "campaign", "Alliance", null],
    ]);
    const past = json<RevenueByChannelRecords>(await h.as(ws.users.sales).get(`/api/v1/reports/revenue-by-channel/records?${Q}&channelKey=partner&measure=pipeline&offset=2&limit=1`));
    expect([past.total, past.items]).toEqual([2, []]);
    const u = json<RevenueByChannelRecords>(await h.as(ws.users.sales).get(`/api/v1/reports/revenue-by-channel/records?${Q}&channelKey=paid_search&measure=pipeline`));
    expect(u.items.map((i) => [i.name, i.channelFrom, i.outcome])).toEqual([["R4", "contact", "lost"]]);
  });
});
