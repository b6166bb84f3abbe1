import { beforeAll, describe, expect, it } from "vitest";
import { useHarness, type Caller, type TestWorkspace } from "../../../../test/harness.js";
import type { Product, OwnedProduct } from "../../../shared/contracts/products.js";
import type { DealDetail } from "../../../shared/contracts/deals.js";
import type { AccountReview, WhitespaceMatrix, WhitespaceTarget } from "../../../shared/contracts/growth.js";

// Now is 2 March 2026 09:00 UTC (the workspace is in UTC).
const h = useHarness();
let ws: TestWorkspace;
let admin: Caller;
let sales: Caller;
const p: Record<"A" | "B" | "C" | "D", Product> = {} as never;
const acc: Record<string, string> = {};
const deal: Record<string, string> = {};
const people: Record<string, string> = {};

const ok = async <T>(res: Promise<{ statusCode: number; body: string }>, status = 200): Promise<T> => {
  const r = await res;
  expect(r.statusCode, r.body).toBe(status);
  return JSON.parse(r.body || "{}") as T;
};

beforeAll(async () => {
  ws = await h.workspace("Growth");
  admin = h.as(ws.users.admin);
  sales = h.as(ws.users.sales);
  const mgr = h.as(ws.users.manager);
  // Catalogue: A 10,000, B 4,000, C 2,500 list; D is inactive (never in the matrix).
  p.A = await ok<Product>(mgr.post("/api/v1/products", { name: "Analytics", family: "Insights", listPrice: 10_000 }), 201);
  p.B = await ok<Product>(mgr.post("/api/v1/products", { name: "Backup", family: "Platform", listPrice: 4_000 }), 201);
  p.C = await ok<Product>(mgr.post("/api/v1/products", { name: "Compliance", family: "Platform", listPrice: 2_500 }), 201);
  p.D = await ok<Product>(mgr.post("/api/v1/products", { name: "Legacy", listPrice: 99_000, active: false }), 201);
  const account = async (name: string, customerStatus: string, segment: string, industry: string, ownerId: string) =>
    (await ok<{ id: string }>(admin.post("/api/v1/accounts", { name, customerStatus, segment, industry, ownerId }), 201)).id;
  acc.acme = await account("Acme", "customer", "Enterprise", "software", ws.users.sales.userId);
  acc.globex = await account("Globex", "customer", "SMB", "retail", ws.users.manager.userId);
  acc.initech = await account("Initech", "customer", "Enterprise", "software", ws.users.sales.userId);
  acc.prospect = await account("Prospect Co", "prospect", "SMB", "retail", ws.users.sales.userId);
  const person = async (key: string, accountId: string, consent?: string) =>
    (people[key] = (await ok<{ id: string }>(admin.post("/api/v1/contacts", { email: `${key}@example.test`, firstName: key, accountId, ...(consent ? { consent } : {}) }), 201)).id);
  await person("ann", acc.acme!);
  await person("gus", acc.globex!);
  await person("ivy", acc.initech!);
  await person("ike", acc.initech!, "withdrawn");
  // Owned: Acme A (9,000) and B (3,500); Globex A (10,000); Initech nothing.
  const own = (a: string, prod: Product, since: string, annualValue: number) => ok(sales.put(`/api/v1/accounts/${a}/products/${prod.id}`, { since, annualValue }));
  await own(acc.acme!, p.A, "2025-01-15T00:00:00Z", 9_000);
  await own(acc.acme!, p.B, "2025-03-01T00:00:00Z", 3_500);
  await own(acc.globex!, p.A, "2025-06-01T00:00:00Z", 10_000);
  const open = async (key: string, accountId: string, type: string, products: { productId: string; amount?: number }[]) =>
    (deal[key] = (await ok<DealDetail>(sales.post("/api/v1/deals", { accountId, name: key, type, amount: 1_000, products }), 201)).id);
  await open("d1", acc.acme!, "cross_sell", [{ productId: p.C.id }]); // Acme C in pipeline at list 2,500
  await open("d2", acc.acme!, "upsell", [{ productId: p.A.id, amount: 2_000 }]); // A is owned: stays owned
  await open("d3", acc.globex!, "cross_sell", [{ productId: p.B.id }]);
  await ok(sales.post(`/api/v1/deals/${deal.d3}/close`, { outcome: "lost", reasonCode: "price" })); // closed: Globex B stays open
  await open("d4", acc.initech!, "cross_sell", [{ productId: p.B.id, amount: 5_000 }, { productId: p.C.id, amount: 3_000 }]);
  await open("d5", acc.prospect!, "new", [{ productId: p.A.id }]); // a prospect: not in the customer matrix
});

const matrix = (qs = "") => ok<WhitespaceMatrix>(h.as(ws.users.marketing).get(`/api/v1/growth/whitespace${qs}`));
const grid = (m: WhitespaceMatrix) => Object.fromEntries(m.rows.map((r) => [r.accountName, r.cells.map((c) => (c.state === "open" ? "open" : `${c.state}:${c.value}`))]));

describe("products and what accounts own", () => {
  it("lists the catalogue by name; deal lines default to the list price", async () => {
    const all = await ok<{ items: Product[] }>(sales.get("/api/v1/products"));
    expect(all.items.map((x) => x.name)).toEqual(["Analytics", "Backup", "Compliance", "Legacy"]);
    expect((await ok<{ items: Product[] }>(sales.get("/api/v1/products?active=true"))).items).toHaveLength(3);
    const d1 = await ok<DealDetail>(sales.get(`/api/v1/deals/${deal.d1}`));
    expect(d1.products).toEqual([{ productId: p.C.id, name: "Compliance", amount: 2_500 }]);
  });

  it("refuses a deal line for a product of no workspace, naming the line", async () => {
    const res = await sales.post("/api/v1/deals", { accountId: acc.acme, name: "bad", products: [{ productId: p.A.id }, { productId: "0190a0a0-0000-7000-8000-000000000000" }] });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: "validation_failed", details: [{ path: "body.products.1.productId" }] });
  });
});

describe("whitespace matrix", () => {
  it("matches the hand-built customer base cell by cell, with totals per product", async () => {
    const m = await matrix();
    // Columns: active products by name (Legacy is inactive). Rows: customers by name (Prospect Co is a prospect).
    expect(m.products.map((x) => x.name)).toEqual(["Analytics", "Backup", "Compliance"]);
    expect(grid(m)).toEqual({
      Acme: ["owned:9000", "owned:3500", "pipeline:2500"], // d2 (upsell of A) does not hide that A is owned
      Globex: ["owned:10000", "open", "open"], // d3 for B closed lost
      Initech: ["open", "pipeline:5000", "pipeline:3000"],
    });
    expect(m.rows.find((r) => r.accountName === "Acme")!.cells[2]!.dealId).toBe(deal.d1);
    expect(m.rows.find((r) => r.accountName === "Initech")!.cells[1]!.dealId).toBe(deal.d4);
    // A: owned 2, pipeline 0, whitespace 1 (Initech) → potential 1 × 10,000. B: 1 / 1 / 1 (Globex) → 4,000.
    // C: 0 / 2 / 1 (Globex) → 2,500. Totals: 3 owned, 3 pipeline, 3 whitespace, 16,500 potential.
    expect(m.products.map(({ name, owned, pipeline, whitespace, potential }) => ({ name, owned, pipeline, whitespace, potential }))).toEqual([
      { name: "Analytics", owned: 2, pipeline: 0, whitespace: 1, potential: 10_000 },
      { name: "Backup", owned: 1, pipeline: 1, whitespace: 1, potential: 4_000 },
      { name: "Compliance", owned: 0, pipeline: 2, whitespace: 1, potential: 2_500 },
    ]);
    expect(m.totals).toEqual({ owned: 3, pipeline: 3, whitespace: 3, potential: 16_500 });
    expect(m.accountCount).toBe(3);
  });

  it("filters by segment, owner, industry and customer status; totals count every match, rows stop at the limit", async () => {
    // Enterprise: Acme and Initech. A 1/0/1, B 1/1/0, C 0/2/0 → whitespace 1, potential 10,000.
    const ent = await matrix("?segment=Enterprise");
    expect(Object.keys(grid(ent))).toEqual(["Acme", "Initech"]);
    expect(ent.totals).toEqual({ owned: 2, pipeline: 3, whitespace: 1, potential: 10_000 });
    expect(Object.keys(grid(await matrix(`?ownerId=${ws.users.manager.userId}`)))).toEqual(["Globex"]);
    expect(Object.keys(grid(await matrix("?industry=retail")))).toEqual(["Globex"]);
    expect(grid(await matrix("?customerStatus=prospect"))).toEqual({ "Prospect Co": ["pipeline:10000", "open", "open"] });
    const first = await matrix("?limit=1");
    expect(first.rows.map((r) => r.accountName)).toEqual(["Acme"]);
    expect(first.totals.whitespace).toBe(3);
  });

  it("a won cross-sell makes its lines owned; a won upsell grows the owned value and keeps the date", async () => {
    await ok(sales.post(`/api/v1/deals/${deal.d4}/close`, { outcome: "won", reasonCode: "product_fit" }));
    await ok(sales.post(`/api/v1/deals/${deal.d2}/close`, { outcome: "won", reasonCode: "product_fit" }));
    const initech = await ok<{ items: OwnedProduct[] }>(sales.get(`/api/v1/accounts/${acc.initech}/products`));
    expect(initech.items.map(({ name, annualValue, since }) => ({ name, annualValue, since }))).toEqual([
      { name: "Backup", annualValue: 5_000, since: "2026-03-02T09:00:00.000Z" },
      { name: "Compliance", annualValue: 3_000, since: "2026-03-02T09:00:00.000Z" },
    ]);
    const acme = await ok<{ items: OwnedProduct[] }>(sales.get(`/api/v1/accounts/${acc.acme}/products`));
    // 9,000 + the upsell line's 2,000.
    expect(acme.items.find((x) => x.name === "Analytics")).toMatchObject({ annualValue: 11_000, since: "2025-01-15T00:00:00.000Z" });
    expect(grid(await matrix())).toMatchObject({ Initech: ["open", "owned:5000", "owned:3000"], Acme: ["owned:11000", "owned:3500", "pipeline:2500"] });
  });
});

describe("whitespace campaigns", () => {
  it("targets accounts lacking a product (not in pipeline either) and counts their reachable contacts", async () => {
    const mk = h.as(ws.users.marketing);
    const campaign = await ok<{ id: string }>(mk.post("/api/v1/campaigns", { name: "Analytics for customers", channel: "email" }), 201);
    // Analytics: Acme and Globex own it → Initech only; Ivy can be reached, Ike withdrew consent.
    const t = await ok<WhitespaceTarget>(mk.put(`/api/v1/campaigns/${campaign.id}/whitespace-target`, { productId: p.A.id }));
    expect(t).toEqual({ target: { productId: p.A.id, productName: "Analytics", segment: null, customerStatus: "customer" }, accountCount: 1, contactCount: 1, accounts: [{ accountId: acc.initech, name: "Initech", segment: "Enterprise", contacts: 1 }] });
    // Backup in SMB: Globex (its B deal was lost).
    const smb = await ok<WhitespaceTarget>(mk.put(`/api/v1/campaigns/${campaign.id}/whitespace-target`, { productId: p.B.id, segment: "SMB" }));
    expect(smb.accounts.map((a) => a.name)).toEqual(["Globex"]);
    // Prospects lacking Analytics: Prospect Co has it in pipeline (d5) → nobody.
    expect(await ok<WhitespaceTarget>(mk.put(`/api/v1/campaigns/${campaign.id}/whitespace-target`, { productId: p.A.id, customerStatus: "prospect" }))).toMatchObject({ accountCount: 0, contactCount: 0 });
    expect((await ok<WhitespaceTarget>(mk.get(`/api/v1/campaigns/${campaign.id}/whitespace-target`))).target?.customerStatus).toBe("prospect");
  });
});

describe("account business reviews", () => {
  it("schedules with attendees from both sides, lists upcoming ones, records outcomes; every write audited", async () => {
    const review = await ok<AccountReview>(
      sales.post(`/api/v1/accounts/${acc.acme}/reviews`, { title: "Q1 business review", scheduledAt: "2026-03-20T14:00:00Z", agenda: "Usage; Compliance pilot", memberIds: [ws.users.sales.userId, ws.users.manager.userId], contactIds: [people.ann] }),
      201,
    );
    expect(review).toMatchObject({ accountName: "Acme", status: "scheduled", agenda: "Usage; Compliance pilot", contacts: [{ contactId: people.ann, name: "ann" }] });
    expect(review.members.map((m) => m.userId).sort()).toEqual([ws.users.sales.userId, ws.users.manager.userId].sort());
    // Their side must be the account's people.
    const wrong = await sales.post(`/api/v1/accounts/${acc.acme}/reviews`, { title: "x", scheduledAt: "2026-03-21T14:00:00Z", contactIds: [people.gus] });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ details: [{ path: "body.contactIds.0" }] });
    // A past review (1 Feb) and a cancelled one are not upcoming.
    const past = await ok<AccountReview>(sales.post(`/api/v1/accounts/${acc.globex}/reviews`, { title: "Kick-off", scheduledAt: "2026-02-01T10:00:00Z" }), 201);
    const dropped = await ok<AccountReview>(sales.post(`/api/v1/accounts/${acc.initech}/reviews`, { title: "Onboarding review", scheduledAt: "2026-03-10T10:00:00Z" }), 201);
    await ok(sales.patch(`/api/v1/account-reviews/${dropped.id}`, { status: "cancelled" }));
    const upcoming = await ok<{ items: AccountReview[] }>(h.as(ws.users.sdr).get("/api/v1/account-reviews"));
    expect(upcoming.items.map((r) => r.title)).toEqual(["Q1 business review"]);
    expect((await ok<{ items: AccountReview[] }>(sales.get("/api/v1/account-reviews?from=2026-01-01"))).items.map((r) => r.title)).toEqual(["Kick-off", "Q1 business review"]);
    const held = await ok<AccountReview>(sales.patch(`/api/v1/account-reviews/${past.id}`, { status: "held", outcomes: "Happy with Analytics", nextSteps: "Quote Backup", contactIds: [people.gus] }));
    expect(held).toMatchObject({ status: "held", outcomes: "Happy with Analytics", nextSteps: "Quote Backup", contacts: [{ contactId: people.gus }] });
    expect((await ok<{ items: AccountReview[] }>(sales.get(`/api/v1/accounts/${acc.globex}/reviews`))).items.map((r) => r.status)).toEqual(["held"]);
    const audit = await h.tdb.ownerDb.pool.query("select action from audit_log where workspace_id = $1 and entity = 'account_review' order by at, action", [ws.workspaceId]);
    expect(audit.rows.map((r: { action: string }) => r.action).sort()).toEqual(["account_review.scheduled", "account_review.scheduled", "account_review.scheduled", "account_review.updated", "account_review.updated"]);
  });

  it("marketing reads reviews but may not schedule one", async () => {
    const res = await h.as(ws.users.marketing).post(`/api/v1/accounts/${acc.acme}/reviews`, { title: "x", scheduledAt: "2026-03-21T14:00:00Z" });
    expect(res.statusCode).toBe(403);
  });
});
