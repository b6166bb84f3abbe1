import { describe, expect, it } from "vitest";
import type { CompetitorDetail, CompetitorWinRates, EngagedCompetitor } from "../../../shared/contracts/enablement-competitors.js";
import type { Serialized } from "../../../shared/contracts/common.js";
import { json, useHarness, type Caller } from "../../../../test/harness.js";

const h = useHarness({ now: "2026-03-02T09:00:00.000Z" });

type Detail = Serialized<CompetitorDetail>;
type Engaged = { items: Serialized<EngagedCompetitor>[] };

async function deal(c: Caller, accountId: string, name: string, extra: Record<string, unknown> = {}) {
  const res = await c.post("/api/v1/deals", { accountId, name, amount: 10_000, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return json<{ id: string }>(res).id;
}

describe("competitors and battlecards", () => {
  it("computes win rate and loss reasons per competitor from tagged deals, and tags a competitor named on a deal", async () => {
    const ws = await h.workspace();
    const mkt = h.as(ws.users.marketing);
    const sales = h.as(ws.users.sales);
    const rivalry = json<Detail>(await mkt.post("/api/v1/competitors", { name: "Rivalry", strengths: ["Price"] }));
    const stackline = json<Detail>(await mkt.post("/api/v1/competitors", { name: "Stackline" }));
    expect((await mkt.post("/api/v1/competitors", { name: "  rivalry " })).statusCode).toBe(409);
    const account = json<{ id: string }>(await sales.post("/api/v1/accounts", { name: "Acme" }));
    const contact = json<{ id: string }>(await sales.post("/api/v1/contacts", { email: "pat@acme.example", accountId: account.id }));
    const tag = async (id: string, ids: string[]) => expect((await sales.put(`/api/v1/deals/${id}/competitors`, { competitorIds: ids })).statusCode).toBe(200);
    const close = async (id: string, body: Record<string, unknown>) => expect((await sales.post(`/api/v1/deals/${id}/close`, body)).statusCode).toBe(200);

    // Rivalry: d1 won, d2 lost (price), d3 lost (price, also Stackline), d4 lost (competitor), d7 no decision.
    // Stackline: d3 lost, d5 open (the contact's deal), d6 won — tagged by the hook from "stackline " at close.
    const [d1, d2, d3, d4, d5, d6, d7] = [await deal(sales, account.id, "d1"), await deal(sales, account.id, "d2"), await deal(sales, account.id, "d3"), await deal(sales, account.id, "d4"), await deal(sales, account.id, "d5", { primaryContactId: contact.id }), await deal(sales, account.id, "d6"), await deal(sales, account.id, "d7")];
    for (const d of [d1, d2, d4, d7]) await tag(d, [rivalry.id]);
    await tag(d3, [rivalry.id, stackline.id]);
    await tag(d5, [stackline.id]);
    await close(d1, { outcome: "won", reasonCode: "product_fit" });
    await close(d2, { outcome: "lost", reasonCode: "price" });
    await close(d3, { outcome: "lost", reasonCode: "price" });
    await close(d4, { outcome: "lost", reasonCode: "competitor", competitor: "Rivalry" });
    await close(d6, { outcome: "won", reasonCode: "product_fit", competitor: "stackline " });
    await close(d7, { outcome: "no_decision", reasonCode: "status_quo" });
    // A name nobody profiled yet becomes a competitor and a tag.
    const d8 = await deal(sales, account.id, "d8", { competitor: "Brand New Co" });

    const rates = json<CompetitorWinRates>(await sales.get("/api/v1/reports/competitor-win-rates?from=2026-01-01&to=2026-12-31"));
    expect(rates.items.map((r) => r.name)).toEqual(["Brand New Co", "Rivalry", "Stackline"]);
    const [fresh, r, s] = rates.items;
    // Rivalry: won 1, lost 3 → 1 / (1 + 3) = 0.25; the no-decision deal is counted, not rated.
    expect(r).toMatchObject({ won: 1, lost: 3, noDecision: 1, openDeals: 0, winRate: 0.25 });
    expect(r!.lossReasons).toEqual([{ code: "price", label: "Price", deals: 2 }, { code: "competitor", label: "Lost to a competitor", deals: 1 }]);
    // Stackline: won 1 (d6), lost 1 (d3) → 0.5; d5 open.
    expect(s).toMatchObject({ won: 1, lost: 1, noDecision: 0, openDeals: 1, winRate: 0.5 });
    expect(fresh).toMatchObject({ won: 0, lost: 0, openDeals: 1, winRate: null });
    expect(json<Engaged>(await sales.get(`/api/v1/deals/${d8}/competitors`)).items.map((i) => i.competitor.name)).toEqual(["Brand New Co"]);
    // Closing with a name already tagged adds nothing: d4 stays tagged once.
    expect(json<Engaged>(await sales.get(`/api/v1/deals/${d4}/competitors`)).items).toHaveLength(1);

    // The battlecard shows on the deal and on the contact whose deal names the competitor.
    const card = { whyWeWin: ["Faster onboarding"], objections: [{ objection: "They are cheaper", response: "Not after year one" }], landmines: ["Ask about SSO"], proofPoints: ["Acme went live in 2 weeks"] };
    const saved = json<Detail>(await mkt.put(`/api/v1/competitors/${stackline.id}/battlecard`, { ...card, version: 0 }));
    expect(saved.battlecard).toMatchObject({ version: 1, ownerId: ws.users.marketing.userId, updatedBy: ws.users.marketing.userId, whyWeWin: ["Faster onboarding"] });
    const stale = await mkt.put(`/api/v1/competitors/${stackline.id}/battlecard`, { ...card, version: 0 });
    expect(stale.statusCode).toBe(409);
    const onDeal = json<Engaged>(await sales.get(`/api/v1/deals/${d3}/competitors`)).items;
    expect(onDeal.map((i) => [i.competitor.name, i.battlecard?.version ?? null])).toEqual([["Rivalry", null], ["Stackline", 1]]);
    const onContact = json<Engaged>(await h.as(ws.users.sdr).get(`/api/v1/contacts/${contact.id}/competitors`)).items;
    expect(onContact).toHaveLength(1);
    expect(onContact[0]).toMatchObject({ competitor: { name: "Stackline" }, battlecard: { landmines: ["Ask about SSO"] }, dealIds: [d5] });

    // The profile lists the tagged deals (open first) with the same record.
    const profile = json<Detail>(await sales.get(`/api/v1/competitors/${stackline.id}`));
    // d6 and d3 closed and were created at the same (frozen) instant: then by name.
    expect(profile.deals.map((d) => d.name)).toEqual(["d5", "d3", "d6"]);
    expect(profile.record).toMatchObject({ won: 1, lost: 1, winRate: 0.5 });
  });
});
