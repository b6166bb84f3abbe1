import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

type Campaign = { id: string; actualCost: number; costs: { id: string; amount: number }[]; stats: Record<string, number> };

describe("campaigns", () => {
  it("keeps actual cost equal to the sum of its dated cost lines", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const c = json<Campaign>(await mkt.post("/api/v1/campaigns", { name: "Paid social Q1", channel: "paid_social", budget: 10000, targetPersonas: ["IT Manager"] }));
    expect(c.actualCost).toBe(0);
    await mkt.post(`/api/v1/campaigns/${c.id}/costs`, { incurredOn: "2026-01-31", amount: 1500.5, description: "January spend" });
    const two = json<Campaign>(await mkt.post(`/api/v1/campaigns/${c.id}/costs`, { incurredOn: "2026-02-28", amount: 2249.25, description: "February spend" }));
    expect(two.actualCost).toBe(3749.75);
    const refund = json<Campaign>(await mkt.post(`/api/v1/campaigns/${c.id}/costs`, { incurredOn: "2026-03-05", amount: -249.75, description: "Refund" }));
    expect(refund.actualCost).toBe(3500);
    const afterDelete = json<Campaign>(await mkt.delete(`/api/v1/campaigns/${c.id}/costs/${two.costs[0]!.id}`));
    expect(afterDelete.actualCost).toBe(1999.5);
  });

  it("reports what the campaign produced and refuses to delete a campaign that records refer to", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const c = json<Campaign>(await admin.post("/api/v1/campaigns", { name: "Webinar", channel: "webinar" }));
    const acct = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Hooli" }));
    const lead = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "g@hooli.example", accountId: acct.id, originalCampaignId: c.id }));
    await admin.post(`/api/v1/contacts/${lead.id}/stage`, { stage: "mql" });
    await admin.post("/api/v1/touchpoints", { contactId: lead.id, type: "webinar_attend", campaignId: c.id });
    await admin.post("/api/v1/touchpoints", { contactId: lead.id, type: "webinar_register", campaignId: c.id });
    await admin.post("/api/v1/deals", { accountId: acct.id, name: "Hooli", amount: 12000, sourceCampaignId: c.id });
    const detail = json<Campaign>(await admin.get(`/api/v1/campaigns/${c.id}`));
    expect(detail.stats).toEqual({ touchpoints: 2, contactsReached: 1, leadsSourced: 1, mqls: 1, dealsSourced: 1, pipeline: 12000, wonRevenue: 0 });
    expect((await admin.delete(`/api/v1/campaigns/${c.id}`)).statusCode).toBe(409);
  });
});
