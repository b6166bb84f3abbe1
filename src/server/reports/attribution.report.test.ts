import type { LightMyRequestResponse } from "fastify";
import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import type { AttributionDeal, AttributionRecords, AttributionReport as Report, AttributionRow } from "../../shared/contracts/reports/attribution.js";
import type { ReportPeriod } from "../../shared/contracts/reports/filters.js";

type AttributionReport = Report & { period: ReportPeriod };

/*
 * Hand-built: deals open on 1 Feb 2026 (UTC workspace).
 *
 * Deal A (Acme, Pat, 1,000): Pat's marketing touches
 *   a1 4 Jan  Ebook (content)   a2 11 Jan Webinar (webinar)   a3 18 Jan Webinar (webinar)   a4 25 Jan no campaign (email)
 *   Pat became an MQL on 12 Jan → the W-shaped MQL touch is a2 (the last one at or before it).
 *   n = 4:  first  1    0    0    0        last   0    0    0    1       linear ¼ each
 *           U      .4   .1   .1   .4       W      .3   .3   .1   .3
 *           time-decay 28, 21, 14, 7 days before → 2^-4 : 2^-3 : 2^-2 : 2^-1 = 1 : 2 : 4 : 8 → /15
 *   × 1,000 → a1 1000/0/250/400/300/66.67  a2 0/0/250/100/300/133.33  a3 0/0/250/100/100/266.67  a4 0/1000/250/400/300/533.33
 * Deal B (Beta, Bo, 500, owned by the sales rep): one touch b1 25 Jan Webinar → every model 500 to the webinar.
 * Deal C (an account without contacts, 200): unattributed.
 *
 * Pipeline, February, by campaign (first/last/linear/U/W/decay):
 *   Webinar  500 / 500 / 1000 / 700 / 900 / 900   (A's a2 + a3: 0/0/500/200/400/400, plus B)  3 touches, 2 deals
 *   Ebook   1000 /   0 /  250 / 400 / 300 / 66.67                                            1 touch, 1 deal
 *   none       0 / 1000 / 250 / 400 / 300 / 533.33                                          1 touch, 1 deal
 *   totals 1,500 under every model, 5 touches, 2 deals; unattributed 1 deal, 200.
 */
const FEB = "from=2026-02-01&to=2026-02-28";
const MAR = "from=2026-03-01&to=2026-03-31";
const h = useHarness({ now: "2026-02-01T00:00:00Z" });

let ws: TestWorkspace;
let other: TestWorkspace;
const ids = {} as Record<"ebook" | "webinar" | "dealA" | "dealB" | "dealC" | "otherDeal", string>;

async function created(p: Promise<LightMyRequestResponse>): Promise<string> {
  const res = await p;
  expect(res.statusCode, res.body).toBeLessThan(300);
  return json<{ id: string }>(res).id;
}

async function get<T>(url: string, as: TestWorkspace = ws): Promise<T> {
  const res = await h.as(as.users.marketing).get(url);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
}

const row = (r: AttributionReport, key: string) => r.rows.find((x) => x.key === key) as AttributionRow;
const c6 = (first: number, last: number, linear: number, uShaped: number, wShaped: number, timeDecay: number) => ({ first, last, linear, uShaped, wShaped, timeDecay });

beforeAll(async () => {
  ws = await h.workspace("Attribution report");
  const admin = h.as(ws.users.admin);
  ids.ebook = await created(admin.post("/api/v1/campaigns", { name: "Ebook", channel: "content" }));
  ids.webinar = await created(admin.post("/api/v1/campaigns", { name: "Webinar", channel: "webinar" }));
  const acme = await created(admin.post("/api/v1/accounts", { name: "Acme" }));
  const beta = await created(admin.post("/api/v1/accounts", { name: "Beta" }));
  const empty = await created(admin.post("/api/v1/accounts", { name: "Empty" }));
  const pat = await created(admin.post("/api/v1/contacts", { email: "pat@acme.example", firstName: "Pat", accountId: acme }));
  const bo = await created(admin.post("/api/v1/contacts", { email: "bo@beta.example", firstName: "Bo", accountId: beta }));
  const touch = (contactId: string, type: string, day: string, campaignId: string | null, channel: string) =>
    created(admin.post("/api/v1/touchpoints", { contactId, type, occurredAt: `2026-01-${day}T00:00:00.000Z`, campaignId, channel }));
  await touch(pat, "content_download", "04", ids.ebook, "content");
  await touch(pat, "webinar_register", "11", ids.webinar, "webinar");
  await touch(pat, "webinar_attend", "18", ids.webinar, "webinar");
  await touch(pat, "email_click", "25", null, "email");
  await touch(pat, "call", "26", null, "outbound"); // sales: never eligible
  await touch(bo, "webinar_attend", "25", ids.webinar, "webinar");
  h.clock.set("2026-01-12T00:00:00Z");
  expect((await admin.post(`/api/v1/contacts/${pat}/stage`, { stage: "mql" })).statusCode).toBe(200);
  h.clock.set("2026-02-01T00:00:00Z");
  ids.dealA = await created(admin.post("/api/v1/deals", { accountId: acme, name: "Acme platform", amount: 1000, primaryContactId: pat }));
  ids.dealB = await created(admin.post("/api/v1/deals", { accountId: beta, name: "Beta pilot", amount: 500, primaryContactId: bo, ownerId: ws.users.sales.userId }));
  ids.dealC = await created(admin.post("/api/v1/deals", { accountId: empty, name: "Empty deal", amount: 200 }));

  other = await h.workspace("Other");
  const oAdmin = h.as(other.users.admin);
  const oAccount = await created(oAdmin.post("/api/v1/accounts", { name: "Elsewhere" }));
  ids.otherDeal = await created(oAdmin.post("/api/v1/deals", { accountId: oAccount, name: "Elsewhere deal", amount: 999 }));
});

describe("attribution report (pipeline, February)", () => {
  it("credits campaigns under all six models; totals and the unattributed deal apart", async () => {
    const r = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&by=campaign&${FEB}`);
    expect(r.period).toEqual({ from: "2026-02-01", to: "2026-02-28", timezone: "UTC" });
    expect(r.rows[0]).toEqual({ key: ids.webinar, label: "Webinar", credit: c6(500, 500, 1000, 700, 900, 900), touches: 3, deals: 2 });
    expect(row(r, ids.ebook)).toEqual({ key: ids.ebook, label: "Ebook", credit: c6(1000, 0, 250, 400, 300, 66.67), touches: 1, deals: 1 });
    expect(row(r, "none")).toEqual({ key: "none", label: "(no campaign)", credit: c6(0, 1000, 250, 400, 300, 533.33), touches: 1, deals: 1 });
    expect(r.rows).toHaveLength(3);
    expect(r.totals).toEqual({ credit: c6(1500, 1500, 1500, 1500, 1500, 1500), touches: 5, deals: 2, amount: 1500 });
    expect(r.unattributed).toEqual({ deals: 1, amount: 200 });
  });

  it("by channel: the touches' channels", async () => {
    const r = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&by=channel&${FEB}`);
    expect(r.rows.map((x) => [x.key, x.label, x.credit.linear])).toEqual([["webinar", "webinar", 1000], ["content", "content", 250], ["email", "email", 250]]);
    expect(row(r, "email").credit).toEqual(c6(0, 1000, 250, 400, 300, 533.33));
  });

  it("by asset: no touch carries an asset yet, so everything sits in (no asset)", async () => {
    const r = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&by=asset&${FEB}`);
    expect(r.rows).toEqual([{ key: "none", label: "(no asset)", credit: c6(1500, 1500, 1500, 1500, 1500, 1500), touches: 5, deals: 2 }]);
  });

  it("channel and campaignId pick touches: only their credit, and only the deals they touched", async () => {
    const webinar = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&by=campaign&channel=webinar&${FEB}`);
    expect(webinar.rows).toEqual([{ key: ids.webinar, label: "Webinar", credit: c6(500, 500, 1000, 700, 900, 900), touches: 3, deals: 2 }]);
    expect(webinar.totals).toMatchObject({ deals: 2, amount: 1500, touches: 3 });
    const ebook = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&by=channel&campaignId=${ids.ebook}&${FEB}`);
    expect(ebook.rows).toEqual([{ key: "content", label: "content", credit: c6(1000, 0, 250, 400, 300, 66.67), touches: 1, deals: 1 }]);
    expect(ebook.totals).toMatchObject({ deals: 1, amount: 1000 });
    expect(ebook.unattributed).toEqual({ deals: 1, amount: 200 });
  });

  it("rep (and the other deal filters) pick deals: the sales rep owns only deal B", async () => {
    const r = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&by=campaign&repId=${ws.users.sales.userId}&${FEB}`);
    expect(r.rows).toEqual([{ key: ids.webinar, label: "Webinar", credit: c6(500, 500, 500, 500, 500, 500), touches: 1, deals: 1 }]);
    expect(r.unattributed).toEqual({ deals: 0, amount: 0 });
  });

  it("a period without conversions is empty", async () => {
    const r = await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&${MAR}`);
    expect(r.rows).toEqual([]);
    expect(r.totals).toEqual({ credit: c6(0, 0, 0, 0, 0, 0), touches: 0, deals: 0, amount: 0 });
  });
});

describe("attribution drill-down", () => {
  it("lists the deals behind a row with the credit that row's touches get", async () => {
    const r = await get<AttributionRecords>(`/api/v1/reports/attribution/records?basis=pipeline&by=campaign&key=${ids.webinar}&${FEB}`);
    expect(r.total).toBe(2);
    // A: a2 + a3 of its 4 touches (0/0/500/200/400/400); B: its one touch, all 500.
    expect(r.items.map((i) => [i.id, i.name, i.accountName, i.amount, i.touches, i.allTouches, i.credit])).toEqual([
      [ids.dealA, "Acme platform", "Acme", 1000, 2, 4, c6(0, 0, 500, 200, 400, 400)],
      [ids.dealB, "Beta pilot", "Beta", 500, 1, 1, c6(500, 500, 500, 500, 500, 500)],
    ]);
    const page2 = await get<AttributionRecords>(`/api/v1/reports/attribution/records?basis=pipeline&by=campaign&key=${ids.webinar}&limit=1&offset=1&${FEB}`);
    expect(page2).toMatchObject({ total: 2, items: [{ id: ids.dealB }] });
  });

  it("key=none opens the touches without a campaign; key=unattributed the deals without touches", async () => {
    const none = await get<AttributionRecords>(`/api/v1/reports/attribution/records?basis=pipeline&by=campaign&key=none&${FEB}`);
    expect(none.items.map((i) => [i.id, i.credit.last])).toEqual([[ids.dealA, 1000]]);
    const un = await get<AttributionRecords>(`/api/v1/reports/attribution/records?basis=pipeline&by=campaign&key=unattributed&${FEB}`);
    expect(un).toMatchObject({ total: 1, items: [{ id: ids.dealC, amount: 200, touches: 0, allTouches: 0, credit: c6(0, 0, 0, 0, 0, 0) }] });
  });

  it("a key that does not fit `by` is a 400 naming query.key", async () => {
    const res = await h.as(ws.users.sales).get(`/api/v1/reports/attribution/records?by=campaign&key=webinar`);
    expect(res.statusCode).toBe(400);
    expect(json<{ message: string }>(res).message).toContain("query.key");
  });
});

describe("one deal's attribution", () => {
  it("shows each touch with the six weights and credits", async () => {
    const d = await get<AttributionDeal>(`/api/v1/reports/attribution/deals/${ids.dealA}`);
    expect(d.deal).toMatchObject({ id: ids.dealA, name: "Acme platform", accountName: "Acme", amount: 1000, outcome: null });
    expect(d.bases.map((b) => b.basis)).toEqual(["pipeline"]);
    const t = d.bases[0]!.touches;
    expect(t.map((x) => [x.position, x.type, x.campaignName, x.channel])).toEqual([
      [1, "content_download", "Ebook", "content"], [2, "webinar_register", "Webinar", "webinar"], [3, "webinar_attend", "Webinar", "webinar"], [4, "email_click", null, "email"],
    ]);
    expect(t.map((x) => x.weights.wShaped)).toEqual([0.3, 0.3, 0.1, 0.3]);
    expect(t.map((x) => x.weights.uShaped)).toEqual([0.4, 0.1, 0.1, 0.4]);
    t.forEach((x, i) => expect(x.weights.timeDecay).toBeCloseTo(2 ** i / 15, 12));
    expect(t.map((x) => x.credit.timeDecay)).toEqual([66.67, 133.33, 266.67, 533.33]);
  });

  it("another workspace's deal is a 404", async () => {
    const res = await h.as(ws.users.admin).get(`/api/v1/reports/attribution/deals/${ids.otherDeal}`);
    expect(res.statusCode).toBe(404);
  });
});

describe("revenue (deal A won on 1 March for 2,000; deal B lost)", () => {
  beforeAll(async () => {
    h.clock.set("2026-03-01T00:00:00Z");
    const admin = h.as(ws.users.admin);
    expect((await admin.post(`/api/v1/deals/${ids.dealA}/close`, { outcome: "won", reasonCode: "product_fit", amount: 2000 })).statusCode).toBe(200);
    expect((await admin.post(`/api/v1/deals/${ids.dealB}/close`, { outcome: "lost", reasonCode: "price" })).statusCode).toBe(200);
  });

  it("credits won revenue at the close: ages 56/49/42/35 days keep the 1:2:4:8 decay, × 2,000", async () => {
    const r = await get<AttributionReport>(`/api/v1/reports/attribution?basis=revenue&by=campaign&${MAR}`);
    expect(row(r, ids.ebook).credit).toEqual(c6(2000, 0, 500, 800, 600, 133.33));
    expect(row(r, ids.webinar).credit).toEqual(c6(0, 0, 1000, 400, 800, 800));
    expect(row(r, "none").credit).toEqual(c6(0, 2000, 500, 800, 600, 1066.67));
    expect(r.totals).toEqual({ credit: c6(2000, 2000, 2000, 2000, 2000, 2000), touches: 4, deals: 1, amount: 2000 });
    expect(r.unattributed).toEqual({ deals: 0, amount: 0 });
    // Revenue converts in March, not February; pipeline stays in February at the final amount (A now 2,000).
    expect((await get<AttributionReport>(`/api/v1/reports/attribution?basis=revenue&${FEB}`)).rows).toEqual([]);
    expect((await get<AttributionReport>(`/api/v1/reports/attribution?basis=pipeline&${FEB}`)).totals.amount).toBe(2500);
  });
});
