import type { Harness, TestWorkspace } from "./harness.js";

/** A brief body without its campaign and scope: one question, the second option right. */
export const BRIEF = { message: "Cut cloud spend by a third", audience: "IT managers at mid-size firms", questions: [{ question: "Who is the audience?", options: ["CFOs", "IT managers"], correct: 1 }] };

/** What the route sweep needs of enablement parts 3–6 (competitors, briefs, SWOT, insights, personas). */
export type EnablementSalesFixture = {
  /** A competitor with a battlecard, tagged on the fixture's deal. */
  competitorId: string;
  /** The campaign's brief, published to the sales and SDR users. */
  briefId: string;
  /** A draft brief of the empty campaign, scoped to the sales user. */
  draftBriefId: string;
  /** A campaign without a brief. */
  unbriefedCampaignId: string;
};

/** Creates the enablement records of a fixture workspace through the API (as marketing and sales). */
export async function createEnablementSalesFixture(h: Harness, ws: TestWorkspace, base: { dealId: string; campaignId: string; emptyCampaignId: string; accountId: string }): Promise<EnablementSalesFixture> {
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`enablement fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string; [k: string]: unknown };
  };
  const marketing = h.as(ws.users.marketing);
  const competitor = await ok(marketing.post("/api/v1/competitors", { name: "Rivalry", positioning: "The cheap one", strengths: ["Price"], weaknesses: ["Support"] }));
  await ok(marketing.put(`/api/v1/competitors/${competitor.id}/battlecard`, { whyWeWin: ["Support"], objections: [{ objection: "Too expensive", response: "Total cost is lower" }], landmines: ["Ask about uptime"], proofPoints: ["99.99 %"] }));
  await ok(h.as(ws.users.sales).put(`/api/v1/deals/${base.dealId}/competitors`, { competitorIds: [competitor.id] }));
  const brief = await ok(marketing.post("/api/v1/briefs", { campaignId: base.campaignId, ...BRIEF, scopeMemberIds: [ws.users.sales.userId, ws.users.sdr.userId] }));
  await ok(marketing.post(`/api/v1/briefs/${brief.id}/publish`));
  const draft = await ok(marketing.post("/api/v1/briefs", { campaignId: base.emptyCampaignId, ...BRIEF, scopeMemberIds: [ws.users.sales.userId] }));
  const unbriefed = await ok(marketing.post("/api/v1/campaigns", { name: "Spring launch", channel: "email", startsOn: "2026-04-01" }));
  return { competitorId: competitor.id, briefId: brief.id, draftBriefId: draft.id, unbriefedCampaignId: unbriefed.id };
}
