import type { Harness, TestWorkspace } from "./harness.js";

/** What the route sweep needs of SWOTs and messaging. */
export type SwotFixture = {
  /** A campaign SWOT (of the fixture's webinar). */
  campaignSwotId: string;
  /** A SWOT of the fixture's won deal's proposal. */
  dealSwotId: string;
  /** A talk track of the fixture's product (no persona). */
  messageId: string;
};

/** Creates a fixture workspace's SWOTs and messages through the API. */
export async function createSwotFixture(h: Harness, ws: TestWorkspace, ids: { campaignId: string; dealId: string; productId: string }): Promise<SwotFixture> {
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`swot fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string; [k: string]: unknown };
  };
  const marketing = h.as(ws.users.marketing);
  const sales = h.as(ws.users.sales);
  const campaignSwot = await ok(marketing.post("/api/v1/swots", { campaignId: ids.campaignId, title: "Webinar SWOT", strengths: ["Well attended"] }));
  const dealSwot = await ok(sales.post("/api/v1/swots", { dealId: ids.dealId, title: "Proposal SWOT", threats: ["Budget freeze"] }));
  const message = await ok(marketing.post("/api/v1/messages", { kind: "talk_track", title: "First call", body: "Lead with the onboarding time.", productId: ids.productId }));
  return { campaignSwotId: campaignSwot.id, dealSwotId: dealSwot.id, messageId: message.id };
}
