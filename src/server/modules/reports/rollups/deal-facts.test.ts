import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../../test/harness.js";
import type { Kpis } from "../../../../shared/contracts/reports/kpis.js";
import { rebuildDealFacts } from "./deal-facts.js";

// The deals open on T0 = 1 Jan 2026; the clock moves as the story goes.
const T0 = "2026-01-01T00:00:00.000Z";
const h = useHarness({ now: T0 });

async function factsOf(ws: TestWorkspace): Promise<Record<string, number>> {
  const res = await h.tdb.ownerDb.pool.query<{ deal_id: string; n: number }>("select deal_id, sales_activities as n from deal_facts where workspace_id = $1", [ws.workspaceId]);
  return Object.fromEntries(res.rows.map((r) => [r.deal_id, r.n]));
}

describe("deal facts kept by the deal and touchpoint hooks", () => {
  it("counts a closed deal's sales touches from creation to close; follows late touches, its people and a reopen; the rebuild agrees", async () => {
    h.clock.set(T0);
    const ws = await h.workspace("DealFacts");
    const admin = h.as(ws.users.admin);
    const id = async (p: Promise<LightMyRequestResponse>) => {
      const res = await p;
      expect(res.statusCode, res.body).toBeLessThan(300);
      return json<{ id: string }>(res).id;
    };
    const ok = async (p: Promise<LightMyRequestResponse>) => expect((await p).statusCode).toBeLessThan(300);
    const account = await id(admin.post("/api/v1/accounts", { name: "Acme" }));
    const pat = await id(admin.post("/api/v1/contacts", { email: "pat@acme.example", accountId: account }));
    const kim = await id(admin.post("/api/v1/contacts", { email: "kim@acme.example", accountId: account }));
    const touch = (contactId: string, type: string, occurredAt: string) => ok(admin.post("/api/v1/touchpoints", { contactId, type, occurredAt }));
    await touch(pat, "call", "2025-12-20T10:00:00.000Z"); // before the deal: never counted
    const d1 = await id(admin.post("/api/v1/deals", { name: "D1", accountId: account, primaryContactId: pat, amount: 1000 }));
    const d2 = await id(admin.post("/api/v1/deals", { name: "D2", accountId: account, primaryContactId: kim, amount: 500 }));
    h.clock.set("2026-01-10T00:00:00.000Z");
    await touch(pat, "call", "2026-01-05T10:00:00.000Z"); // counts for D1
    await touch(pat, "meeting", "2026-01-08T10:00:00.000Z"); // counts for D1
    await touch(pat, "page_view", "2026-01-06T10:00:00.000Z"); // marketing: never counted
    await touch(kim, "call", "2026-01-07T10:00:00.000Z"); // D2's primary; D1's once Kim joins it
    // Open deals have no facts, whatever changes.
    await ok(admin.patch(`/api/v1/deals/${d1}`, { amount: 2000 }));
    await ok(admin.put(`/api/v1/deals/${d1}/contacts`, { contactId: kim, role: "champion" }));
    expect(await factsOf(ws)).toEqual({});

    // Close D1 won on 10 Jan: Pat (primary and decision maker, counted once) 2 + Kim 1 = 3. D2 lost: Kim 1.
    await ok(admin.post(`/api/v1/deals/${d1}/close`, { outcome: "won", reasonCode: "product_fit", amount: 2500 }));
    await ok(admin.post(`/api/v1/deals/${d2}/close`, { outcome: "lost", reasonCode: "price" }));
    expect(await factsOf(ws)).toEqual({ [d1]: 3, [d2]: 1 });

    // Late touches logged on 20 Jan: Pat's call of 9 Jan falls inside D1 (4); Pat's call of 15 Jan is after the close;
    // Kim's sales e-mail of 9 Jan counts for D1 (5) and D2 (2); a marketing touch counts nowhere.
    h.clock.set("2026-01-20T00:00:00.000Z");
    await touch(pat, "call", "2026-01-09T10:00:00.000Z");
    await touch(pat, "call", "2026-01-15T10:00:00.000Z");
    await touch(kim, "sales_email", "2026-01-09T12:00:00.000Z");
    await touch(kim, "email_open", "2026-01-09T13:00:00.000Z");
    expect(await factsOf(ws)).toEqual({ [d1]: 5, [d2]: 2 });

    // Kim leaves D1: her 2 touches go (Pat's 3 stay).
    expect((await admin.delete(`/api/v1/deals/${d1}/contacts/${kim}`)).statusCode).toBe(204);
    expect(await factsOf(ws)).toEqual({ [d1]: 3, [d2]: 2 });

    // The KPIs read the facts: one won deal (D1) with 3 activities; D2's are not a won deal's.
    const k = json<Kpis>(await admin.get("/api/v1/reports/kpis?from=2026-01-01&to=2026-01-31"));
    expect(k.overall).toMatchObject({ won: 1, lost: 1, salesActivities: 3, activitiesPerWonDeal: 3 });

    // The whole-workspace rebuild gives the same rows.
    await rebuildDealFacts(h.tdb.ownerDb.orm, ws.workspaceId, h.clock.now());
    expect(await factsOf(ws)).toEqual({ [d1]: 3, [d2]: 2 });

    // Kim is deleted: D2 (her deal) loses her 2 touches; D1 keeps Pat's 3. The rebuild agrees.
    const before = json<Kpis>(await admin.get("/api/v1/reports/kpis?from=2026-01-01&to=2026-01-31"));
    expect((await admin.delete(`/api/v1/contacts/${kim}`)).statusCode).toBe(204);
    expect(await factsOf(ws)).toEqual({ [d1]: 3, [d2]: 0 });
    await rebuildDealFacts(h.tdb.ownerDb.orm, ws.workspaceId, h.clock.now());
    expect(await factsOf(ws)).toEqual({ [d1]: 3, [d2]: 0 });
    expect(json<Kpis>(await admin.get("/api/v1/reports/kpis?from=2026-01-01&to=2026-01-31")).overall.salesActivities).toBe(before.overall.salesActivities);

    // A deal reopened (no route does it; a correction in the data) loses its row on the next change.
    await h.tdb.ownerDb.pool.query("update deals set closed_at = null, outcome = null, stage = 'negotiation' where workspace_id = $1 and id = $2", [ws.workspaceId, d2]);
    await h.tdb.db.inWorkspace(ws.workspaceId, (tx) => h.modules.reports.dealFacts.onDealChanged(tx, ws.workspaceId, d2));
    expect(await factsOf(ws)).toEqual({ [d1]: 3 });
  });
});
