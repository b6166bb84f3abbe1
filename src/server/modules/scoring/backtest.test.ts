import { describe, expect, it } from "vitest";
import type { DefinitionBody } from "../../../shared/contracts/agreement.js";
import type { BacktestResult } from "../../../shared/contracts/backtest.js";
import { json, useHarness, type Harness, type TestWorkspace } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
const DAY = 86_400_000;
const t0 = Date.parse(NOW);
const at = (daysAgo: number) => new Date(t0 - daysAgo * DAY).toISOString();

const BASELINE: DefinitionBody = {
  fitRules: [{ id: "software", label: "Software company", conditions: [{ field: "account.industry", op: "eq", value: "software" }], points: 50 }],
  gradeThresholds: { A: 40, B: 20, C: 10 },
  engagementRules: [{ id: "form", label: "Form", match: { types: ["form_submit"] }, points: 30 }],
  halfLifeDays: 10,
  mqlRule: { grades: ["A"], engagementThreshold: 30 },
};
// The candidate also scores page views and qualifies at 20.
const CANDIDATE: DefinitionBody = {
  ...BASELINE,
  engagementRules: [...BASELINE.engagementRules, { id: "view", label: "Page view", match: { types: ["page_view"] }, points: 10 }],
  mqlRule: { grades: ["A"], engagementThreshold: 20 },
};

async function activate(hh: Harness, ws: TestWorkspace, body: DefinitionBody) {
  const d = json<{ id: string }>(await hh.as(ws.users.marketing).post("/api/v1/lead-definitions", { definition: body }));
  await hh.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/propose`);
  await hh.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "marketing" });
  await hh.as(ws.users.sales).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "sales" });
  return d.id;
}

describe("back-test", () => {
  it("counts the MQLs each version would have made over the period and what sales did with them", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const software = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Initech", industry: "software" }));
    const retail = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Shop", industry: "retail" }));
    const contact = async (email: string, accountId: string) => json<{ id: string }>(await admin.post("/api/v1/contacts", { email, accountId })).id;
    const touch = (contactId: string, type: string, daysAgo: number) => admin.post("/api/v1/touchpoints", { contactId, type, occurredAt: at(daysAgo) });

    // c1: a form 20 days ago → both qualify; sales accepted it and it was won (10,000).
    const c1 = await contact("c1@initech.example", software.id);
    await touch(c1, "form_submit", 20);
    // c2: three page views → baseline never scores views; candidate after the third: 10·2^(−0.2) + 10·2^(−0.1) + 10 = 28.04 ≥ 20 (after two only 19.33). Sales rejected it.
    const c2 = await contact("c2@initech.example", software.id);
    for (const d of [6, 5, 4]) await touch(c2, "page_view", d);
    // c3: grade D (retail) — neither qualifies, however engaged.
    const c3 = await contact("c3@shop.example", retail.id);
    await touch(c3, "form_submit", 3);
    // c4: its only form is 400 days old, outside the 12 months replayed.
    const c4 = await contact("c4@initech.example", software.id);
    await touch(c4, "form_submit", 400);
    // c5: a form 2 days ago, never sent to sales.
    const c5 = await contact("c5@initech.example", software.id);
    await touch(c5, "form_submit", 2);

    // c6: a customer for months already — its new form fill is no new MQL for either version.
    const c6 = await contact("c6@initech.example", software.id);
    await touch(c6, "form_submit", 10);

    // What happened, as recorded (the lifecycle history of these leads predates the test).
    await h.tdb.ownerDb.pool.query("update contacts set mql_at = $2, sal_at = $2, sql_at = $2 where id = $1", [c1, at(19)]);
    await h.tdb.ownerDb.pool.query("update contacts set mql_at = $2, rejected_at = $2 where id = $1", [c2, at(3)]);
    await h.tdb.ownerDb.pool.query("update contacts set stage = 'customer', mql_at = $2, sal_at = $2, customer_at = $2 where id = $1", [c6, at(100)]);
    const deal = json<{ id: string }>(await admin.post("/api/v1/deals", { accountId: software.id, name: "Initech platform", amount: 10000, primaryContactId: c1 }));
    expect((await admin.post(`/api/v1/deals/${deal.id}/close`, { outcome: "won", reasonCode: "product_fit" })).statusCode).toBe(200);
    expect(c3 && c4).toBeTruthy();

    await activate(h, ws, BASELINE);
    const candidate = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { definition: CANDIDATE }));
    const started = await h.as(ws.users.sdr).post(`/api/v1/lead-definitions/${candidate.id}/backtests`, { months: 12 });
    expect(started.statusCode).toBe(202);
    const job = json<{ id: string; status: string }>(started);
    expect(job.status).toBe("queued");

    await h.modules.jobs.jobs.drain(ws.workspaceId);
    const latest = json<{ id: string; status: string; progressDone: number; progressTotal: number; result: BacktestResult }>(await admin.get(`/api/v1/lead-definitions/${candidate.id}/backtests/latest`));
    expect(latest).toMatchObject({ id: job.id, status: "succeeded", progressDone: 6, progressTotal: 6 });
    const r = latest.result;
    expect(r).toMatchObject({ months: 12, contactsEvaluated: 6, touchpointsReplayed: 7, onlyCandidate: 1, onlyBaseline: 0 });
    expect(r.baseline).toMatchObject({ mqls: 2, accepted: 1, rejected: 0, neverSentToSales: 1, sql: 1, opportunity: 1, won: 1, revenue: 10000 });
    expect(r.candidate).toMatchObject({ mqls: 3, accepted: 1, rejected: 1, neverSentToSales: 1, sql: 1, opportunity: 1, won: 1, revenue: 10000 });
    expect(r.candidate.byGrade).toEqual([{ grade: "A", mqls: 3 }, { grade: "B", mqls: 0 }, { grade: "C", mqls: 0 }, { grade: "D", mqls: 0 }]);
    // c1 qualified in February (20 days before 2 March), c2 and c5 in late February.
    expect(r.candidate.byMonth.find((m) => m.month === "2026-02")?.mqls).toBe(3);
    expect(r.candidate.byMonth).toHaveLength(13);
  });

  it("is a 404 before any back-test ran, and for another workspace's version", async () => {
    const ws = await h.workspace();
    const other = await h.workspace("Other");
    const d = json<{ id: string }>(await h.as(ws.users.marketing).post("/api/v1/lead-definitions", { basedOn: "starter" }));
    expect((await h.as(ws.users.marketing).get(`/api/v1/lead-definitions/${d.id}/backtests/latest`)).statusCode).toBe(404);
    expect((await h.as(other.users.marketing).post(`/api/v1/lead-definitions/${d.id}/backtests`, { months: 3 })).statusCode).toBe(404);
  });
});
