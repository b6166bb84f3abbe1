import { describe, expect, it } from "vitest";
import { json, useHarness } from "../../../../test/harness.js";

const h = useHarness();

type Deal = { id: string; stage: string; outcome: string | null; closedAt: string | null; contacts: { contactId: string; role: string }[]; history: { toStage: string }[] };

async function setup() {
  const ws = await h.workspace();
  const sales = h.as(ws.users.sales);
  const account = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Initech" }));
  const contact = json<{ id: string }>(await sales.post("/api/v1/contacts", { email: "bill@initech.example", accountId: account.id }));
  return { ws, sales, account, contact };
}

describe("deals", () => {
  it("opening a deal makes its primary contact a decision maker and an opportunity", async () => {
    const { ws, sales, account, contact } = await setup();
    const deal = json<Deal>(await sales.post("/api/v1/deals", { accountId: account.id, name: "Initech platform", amount: 50000, primaryContactId: contact.id }));
    expect(deal.contacts).toEqual([expect.objectContaining({ contactId: contact.id, role: "decision_maker" })]);
    const later = json<Deal>(await sales.post("/api/v1/deals", { accountId: account.id, name: "Initech add-on", amount: 1250.5, type: "expansion" }));
    await sales.put(`/api/v1/deals/${later.id}/contacts`, { contactId: contact.id, role: "champion" });
    const c = json<{ stage: string; accountName: string; deals: unknown[] }>(await sales.get(`/api/v1/contacts/${contact.id}`));
    expect(c.stage).toBe("opportunity");
    expect(c.accountName).toBe("Initech");
    // The contact page lists its deals, newest first, with its role in each.
    expect(c.deals).toEqual([
      { id: later.id, name: "Initech add-on", stage: later.stage, amount: 1250.5, role: "champion" },
      { id: deal.id, name: "Initech platform", stage: deal.stage, amount: 50000, role: "decision_maker" },
    ]);
    const mine = json<{ items: { ownerId: string }[] }>(await sales.get(`/api/v1/deals?ownerId=${ws.users.sales.userId}`));
    expect(mine.items).toHaveLength(2);
  });

  it("cannot close without an outcome and a reason from the matching taxonomy", async () => {
    const { sales, account, contact } = await setup();
    const deal = json<Deal>(await sales.post("/api/v1/deals", { accountId: account.id, name: "D", amount: 100, primaryContactId: contact.id }));
    expect((await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "lost" })).statusCode).toBe(400);
    const wrong = await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "lost", reasonCode: "product_fit" });
    expect(wrong.statusCode).toBe(400);
    expect(json(wrong).message).toContain("'product_fit' is not a loss reason");
    const closed = json<Deal>(await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "lost", reasonCode: "competitor", competitor: "Stackline" }));
    expect(closed).toMatchObject({ stage: "closed_lost", outcome: "lost" });
    expect(closed.history.map((x) => x.toStage)).toEqual(["discovery", "closed_lost"]);
    const c = json<{ stage: string }>(await sales.get(`/api/v1/contacts/${contact.id}`));
    expect(c.stage).toBe("lost");
    const again = await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "won", reasonCode: "product_fit" });
    expect(again.statusCode).toBe(409);
    expect((await sales.patch(`/api/v1/deals/${deal.id}`, { amount: 5 })).statusCode).toBe(409);
  });

  it("a won deal makes its primary contact a customer", async () => {
    const { sales, account, contact } = await setup();
    const deal = json<Deal>(await sales.post("/api/v1/deals", { accountId: account.id, name: "W", amount: 100, primaryContactId: contact.id }));
    await sales.patch(`/api/v1/deals/${deal.id}`, { stage: "negotiation" });
    const won = json<Deal>(await sales.post(`/api/v1/deals/${deal.id}/close`, { outcome: "won", reasonCode: "integration", amount: 120 }));
    expect(won.history.map((x) => x.toStage)).toEqual(["discovery", "negotiation", "closed_won"]);
    expect(json<{ stage: string; customerAt: string }>(await sales.get(`/api/v1/contacts/${contact.id}`)).stage).toBe("customer");
    const account2 = json<{ wonRevenue: number; openDealCount: number }>(await sales.get(`/api/v1/accounts/${account.id}`));
    expect(account2).toMatchObject({ wonRevenue: 120, openDealCount: 0 });
  });
});
