import type { LightMyRequestResponse } from "fastify";
import { describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../../test/harness.js";

// Deals open at T1 = 1 Jan 2026 (the clock); deal 1 is won at T2 = 31 Jan 2026.
const T1 = "2026-01-01T00:00:00.000Z";
const T2 = "2026-01-31T00:00:00.000Z";
const h = useHarness({ now: T1 });

type Credit = { deal_id: string; basis: string; position: number; occurred_at: Date; amount: number; campaign_id: string | null; channel: string | null; w: number[] };

async function creditsOf(ws: TestWorkspace, dealId: string, basis: string): Promise<Credit[]> {
  const res = await h.tdb.ownerDb.pool.query(
    `select deal_id, basis, position, occurred_at, amount, campaign_id, channel, array[w_first, w_last, w_linear, w_u_shaped, w_w_shaped, w_time_decay] as w
     from attribution_credits where workspace_id = $1 and deal_id = $2 and basis = $3 order by position`,
    [ws.workspaceId, dealId, basis],
  );
  return res.rows as Credit[];
}

async function dealRow(ws: TestWorkspace, dealId: string, basis: string) {
  const res = await h.tdb.ownerDb.pool.query("select converted_at, amount, touches from attribution_deals where workspace_id = $1 and deal_id = $2 and basis = $3", [ws.workspaceId, dealId, basis]);
  return res.rows[0] as { converted_at: Date; amount: number; touches: number } | undefined;
}

/** Every materialised row of a workspace, computed_at left out, in a stable order. */
async function snapshot(ws: TestWorkspace) {
  const c = await h.tdb.ownerDb.pool.query("select deal_id, basis, touchpoint_id, position, campaign_id, channel, asset_id, occurred_at, converted_at, amount, w_first, w_last, w_linear, w_u_shaped, w_w_shaped, w_time_decay from attribution_credits where workspace_id = $1 order by 1, 2, 4", [ws.workspaceId]);
  const d = await h.tdb.ownerDb.pool.query("select deal_id, basis, converted_at, amount, touches from attribution_deals where workspace_id = $1 order by 1, 2", [ws.workspaceId]);
  return { credits: c.rows, deals: d.rows };
}

/**
 * Account "Acme" with Pat (the deal's primary contact), Kim (another contact of the account) and Lou (no touches);
 * an empty account. Pat's touches: a (T1 − 365 days exactly, campaign X), b (one second earlier), a sales call,
 * c (T1 − 7 days, campaign Y, webinar) and d (T1 + 5 days). Kim: e (T1 − 3 days).
 */
async function setUp() {
  h.clock.set(T1);
  const ws = await h.workspace("Attribution");
  const admin = h.as(ws.users.admin);
  const id = async (p: Promise<LightMyRequestResponse>) => {
    const res = await p;
    expect(res.statusCode, res.body).toBeLessThan(300);
    return json<{ id: string }>(res).id;
  };
  const account = await id(admin.post("/api/v1/accounts", { name: "Acme" }));
  const emptyAccount = await id(admin.post("/api/v1/accounts", { name: "Empty" }));
  const x = await id(admin.post("/api/v1/campaigns", { name: "X ebook", channel: "content" }));
  const y = await id(admin.post("/api/v1/campaigns", { name: "Y webinar", channel: "webinar" }));
  const pat = await id(admin.post("/api/v1/contacts", { email: "pat@acme.example", accountId: account }));
  const kim = await id(admin.post("/api/v1/contacts", { email: "kim@acme.example", accountId: account }));
  const lou = await id(admin.post("/api/v1/contacts", { email: "lou@acme.example", accountId: account }));
  const touch = (contactId: string, type: string, occurredAt: string, campaignId: string | null, channel: string | null) => id(admin.post("/api/v1/touchpoints", { contactId, type, occurredAt, campaignId, channel }));
  const t = {
    a: await touch(pat, "content_download", "2025-01-01T00:00:00.000Z", x, "content"),
    b: await touch(pat, "email_click", "2024-12-31T23:59:59.000Z", x, "email"),
    call: await touch(pat, "call", "2025-12-27T00:00:00.000Z", null, "outbound"),
    c: await touch(pat, "webinar_attend", "2025-12-25T00:00:00.000Z", y, "webinar"),
    d: await touch(pat, "email_click", "2026-01-06T00:00:00.000Z", null, "email"),
    e: await touch(kim, "form_submit", "2025-12-29T00:00:00.000Z", y, "webinar"),
  };
  return { ws, admin, id, account, emptyAccount, x, y, pat, kim, lou, t };
}

describe("attribution materialised with the deal", () => {
  it("writes pipeline credits when a deal opens: the deal contacts' marketing touches in [T − 365 days, T]", async () => {
    const s = await setUp();
    const deal = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Acme platform", amount: 1000, primaryContactId: s.pat }));
    // a (exactly 365 days before, included) and c; b is one second too old, the call is sales, d comes after.
    const credits = await creditsOf(s.ws, deal, "pipeline");
    expect(credits.map((c) => [c.position, c.occurred_at.toISOString(), c.campaign_id, c.channel])).toEqual([
      [1, "2025-01-01T00:00:00.000Z", s.x, "content"],
      [2, "2025-12-25T00:00:00.000Z", s.y, "webinar"],
    ]);
    // n = 2: first 1/0, last 0/1, linear, U and W ½ each; time-decay 2^(−365/7) : 2^(−7/7) → 2^(−51.14…) ≈ 3.9e-16 : 1.
    expect(credits[0]!.w.slice(0, 5)).toEqual([1, 0, 0.5, 0.5, 0.5]);
    expect(credits[1]!.w.slice(0, 5)).toEqual([0, 1, 0.5, 0.5, 0.5]);
    expect(credits[0]!.w[5]).toBeCloseTo(2 ** (-358 / 7) / (1 + 2 ** (-358 / 7)), 20);
    expect(credits[1]!.w[5]).toBeCloseTo(1, 12);
    expect(credits.every((c) => c.amount === 1000)).toBe(true);
    expect(await dealRow(s.ws, deal, "pipeline")).toEqual({ converted_at: new Date(T1), amount: 1000, touches: 2 });
    expect(await dealRow(s.ws, deal, "revenue")).toBeUndefined();
  });

  it("follows the amount, and on a win adds revenue credits over the window before the close", async () => {
    const s = await setUp();
    const deal = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Acme platform", amount: 1000, primaryContactId: s.pat }));
    expect((await s.admin.patch(`/api/v1/deals/${deal}`, { amount: 2000 })).statusCode).toBe(200);
    expect((await creditsOf(s.ws, deal, "pipeline")).map((c) => c.amount)).toEqual([2000, 2000]);

    h.clock.set(T2);
    const closed = await s.admin.post(`/api/v1/deals/${deal}/close`, { outcome: "won", reasonCode: "product_fit", amount: 3000 });
    expect(closed.statusCode, closed.body).toBe(200);
    // Revenue window [31 Jan 2025, 31 Jan 2026]: a has dropped out; c (37 days before the close) and d (25 days).
    const revenue = await creditsOf(s.ws, deal, "revenue");
    expect(revenue.map((c) => c.occurred_at.toISOString())).toEqual(["2025-12-25T00:00:00.000Z", "2026-01-06T00:00:00.000Z"]);
    // time-decay 2^(−37/7) : 2^(−25/7) = 1 : 2^(12/7) = 1 : 3.2813 → 0.23357, 0.76643.
    expect(revenue[0]!.w[5]).toBeCloseTo(1 / (1 + 2 ** (12 / 7)), 12);
    expect(revenue[0]!.w[5]).toBeCloseTo(0.23357, 5);
    expect(revenue[1]!.w[5]).toBeCloseTo(0.76643, 5);
    expect(await dealRow(s.ws, deal, "revenue")).toEqual({ converted_at: new Date(T2), amount: 3000, touches: 2 });
    // The pipeline credits keep the creation as conversion point and take the final amount.
    expect((await creditsOf(s.ws, deal, "pipeline")).map((c) => [c.amount, c.occurred_at.toISOString()])).toEqual([[3000, "2025-01-01T00:00:00.000Z"], [3000, "2025-12-25T00:00:00.000Z"]]);
  });

  it("a lost deal keeps its pipeline credits and gets no revenue row", async () => {
    const s = await setUp();
    const deal = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Acme lost", amount: 500, primaryContactId: s.pat }));
    h.clock.set(T2);
    expect((await s.admin.post(`/api/v1/deals/${deal}/close`, { outcome: "lost", reasonCode: "price" })).statusCode).toBe(200);
    expect(await creditsOf(s.ws, deal, "pipeline")).toHaveLength(2);
    expect(await dealRow(s.ws, deal, "revenue")).toBeUndefined();
  });

  it("falls back to the account's contacts when the deal contacts have no eligible touch, and follows contact changes", async () => {
    const s = await setUp();
    // Lou has no touches: the account's contacts give a (Pat), c (Pat), e (Kim) → U-shaped 0.4 / 0.2 / 0.4.
    const deal = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Acme via Lou", amount: 100, primaryContactId: s.lou }));
    const credits = await creditsOf(s.ws, deal, "pipeline");
    expect(credits.map((c) => c.occurred_at.toISOString())).toEqual(["2025-01-01T00:00:00.000Z", "2025-12-25T00:00:00.000Z", "2025-12-29T00:00:00.000Z"]);
    expect(credits.map((c) => c.w[3])).toEqual([0.4, 0.2, 0.4]);

    // Kim joins the deal: now the deal contacts have a touch (e), so only e counts.
    expect((await s.admin.put(`/api/v1/deals/${deal}/contacts`, { contactId: s.kim, role: "champion" })).statusCode).toBe(200);
    expect((await creditsOf(s.ws, deal, "pipeline")).map((c) => [c.occurred_at.toISOString(), c.w[0]])).toEqual([["2025-12-29T00:00:00.000Z", 1]]);

    // Kim leaves: back to the account's three touches.
    expect((await s.admin.delete(`/api/v1/deals/${deal}/contacts/${s.kim}`)).statusCode).toBe(204);
    expect(await creditsOf(s.ws, deal, "pipeline")).toHaveLength(3);
  });

  it("deleting a contact rewrites the credits of the deals it was on and of its account's deals", async () => {
    const s = await setUp();
    const viaLou = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Acme via Lou", amount: 100, primaryContactId: s.lou }));
    const withPat = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Acme with Pat", amount: 200, primaryContactId: s.pat }));
    expect((await creditsOf(s.ws, viaLou, "pipeline")).map((c) => c.w[3])).toEqual([0.4, 0.2, 0.4]);
    // Kim (on no deal) goes: Lou's deal falls back to Pat's a and c only → U-shaped ½ / ½ (n = 2).
    expect((await s.admin.delete(`/api/v1/contacts/${s.kim}`)).statusCode).toBe(204);
    expect((await creditsOf(s.ws, viaLou, "pipeline")).map((c) => [c.occurred_at.toISOString(), c.w[3]])).toEqual([
      ["2025-01-01T00:00:00.000Z", 0.5],
      ["2025-12-25T00:00:00.000Z", 0.5],
    ]);
    expect((await dealRow(s.ws, viaLou, "pipeline"))!.touches).toBe(2);
    // Pat goes: no contact of Acme has a touch left, so both deals are unattributed (0 touches), not credited to deleted touches.
    expect((await s.admin.delete(`/api/v1/contacts/${s.pat}`)).statusCode).toBe(204);
    for (const deal of [viaLou, withPat]) {
      expect(await creditsOf(s.ws, deal, "pipeline")).toEqual([]);
      expect((await dealRow(s.ws, deal, "pipeline"))!.touches).toBe(0);
    }
    // The hooks left what a rebuild from scratch writes.
    const hooked = await snapshot(s.ws);
    await h.modules.attribution.attribution.rebuildWorkspace(s.ws.workspaceId);
    expect(await snapshot(s.ws)).toEqual(hooked);
  });

  it("a deal at an account whose contacts have no touch is unattributed (a deal row with 0 touches)", async () => {
    const s = await setUp();
    const deal = await s.id(s.admin.post("/api/v1/deals", { accountId: s.emptyAccount, name: "Empty deal", amount: 700 }));
    expect(await creditsOf(s.ws, deal, "pipeline")).toEqual([]);
    expect(await dealRow(s.ws, deal, "pipeline")).toEqual({ converted_at: new Date(T1), amount: 700, touches: 0 });
  });

  it("late touches do not re-trigger; the rebuild picks them up and otherwise equals what the hooks wrote, in this workspace only", async () => {
    const s = await setUp();
    const other = await setUp();
    const otherDeal = await other.id(other.admin.post("/api/v1/deals", { accountId: other.account, name: "Other", amount: 10, primaryContactId: other.pat }));
    const otherBefore = await snapshot(other.ws);
    const d1 = await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "One", amount: 1000, primaryContactId: s.pat }));
    await s.id(s.admin.post("/api/v1/deals", { accountId: s.account, name: "Two", amount: 250, primaryContactId: s.lou }));
    await s.id(s.admin.post("/api/v1/deals", { accountId: s.emptyAccount, name: "Three", amount: 700 }));
    h.clock.set(T2);
    expect((await s.admin.post(`/api/v1/deals/${d1}/close`, { outcome: "won", reasonCode: "product_fit" })).statusCode).toBe(200);
    const incremental = await snapshot(s.ws);
    expect(incremental.deals).toHaveLength(4);

    // Rebuilding with nothing new changes nothing.
    const r = await h.modules.attribution.attribution.rebuildWorkspace(s.ws.workspaceId);
    expect(r).toEqual({ deals: 3, dealRows: 4, credits: 2 + 3 + 2, unattributed: { pipeline: 1, revenue: 0 } });
    expect(await snapshot(s.ws)).toEqual(incremental);

    // A touch imported later (dated before the deal opened) does not move the credits until a rebuild.
    await s.id(s.admin.post("/api/v1/touchpoints", { contactId: s.pat, type: "event_visit", occurredAt: "2025-12-31T00:00:00.000Z", channel: "event" }));
    expect(await creditsOf(s.ws, d1, "pipeline")).toHaveLength(2);
    await h.modules.attribution.attribution.rebuildWorkspace(s.ws.workspaceId);
    expect(await creditsOf(s.ws, d1, "pipeline")).toHaveLength(3);
    expect(await snapshot(other.ws)).toEqual(otherBefore);
    expect(otherBefore.deals.map((d) => d.deal_id)).toEqual([otherDeal]);
  });
});
