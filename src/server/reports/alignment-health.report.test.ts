import { beforeAll, describe, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { AlignmentHealth, AlignmentHealthRecords } from "../../shared/contracts/reports/alignment-health.js";

// Monday 2 March 2026, workspace in UTC; the period is January and February 2026 (it ends 1 March 00:00).
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-02-28";
let ws: TestWorkspace;

beforeAll(async () => {
  ws = await h.workspace("Health");
  const r = alignmentRows(h, ws);
  const rep = ws.users.sales.userId;
  // Sales SLA: three accept timers met on time, one breached → 75.
  for (const [day, breached] of [["05", false], ["06", false], ["07", false], ["08", true]] as const) {
    const lead = await r.contact({ stage: "sal" });
    await r.timer({ kind: "accept", contactId: lead, ownerId: rep, startedAt: `2026-01-${day}T08:00:00Z`, dueAt: `2026-01-${day}T12:00:00Z`, metAt: `2026-01-${day}T${breached ? 14 : 9}:00:00Z`, breachedAt: breached ? `2026-01-${day}T12:00:00Z` : undefined, state: "met" });
  }
  // Marketing SLA: January met, February missed → 50.
  await r.periodResult({ periodStart: "2026-01-01", periodEnd: "2026-02-01", mqls: 120, mqlTarget: 100, accepted: 60, rejected: 20, minAcceptanceRate: 0.5, met: true });
  await r.periodResult({ periodStart: "2026-02-01", periodEnd: "2026-03-01", mqls: 80, mqlTarget: 100, accepted: 30, rejected: 30, minAcceptanceRate: 0.5, met: false });
  // Handovers: L1 accepted, L2 rejected with a reason (January); L3 accepted, L4 pending, L5 rejected without a reason,
  // L6 accepted (February) → 3 ÷ (3 + 2) = 60. L1 became a customer.
  const lead = async (name: string, mqlAt: string, o: { sqlAt?: string; customerAt?: string } = {}) => {
    const id = await r.contact({ name, mqlAt, stage: "mql", ...o });
    await r.transition(id, "lead", "mql", mqlAt);
    return id;
  };
  const l1 = await lead("L1 One", "2026-01-05T10:00:00Z", { sqlAt: "2026-01-20T10:00:00Z", customerAt: "2026-02-25T10:00:00Z" });
  await r.transition(l1, "mql", "sal", "2026-01-06T10:00:00Z");
  const l2 = await lead("L2 Two", "2026-01-10T10:00:00Z");
  await r.transition(l2, "mql", "rejected", "2026-01-11T10:00:00Z", "student");
  const l3 = await lead("L3 Three", "2026-02-03T10:00:00Z", { sqlAt: "2026-02-10T10:00:00Z" });
  await r.transition(l3, "mql", "sal", "2026-02-04T10:00:00Z");
  await lead("L4 Four", "2026-02-10T10:00:00Z");
  const l5 = await lead("L5 Five", "2026-02-12T10:00:00Z");
  await r.transition(l5, "mql", "rejected", "2026-02-13T10:00:00Z");
  const l6 = await lead("L6 Six", "2026-02-15T10:00:00Z", { sqlAt: "2026-02-20T10:00:00Z" });
  await r.transition(l6, "mql", "sal", "2026-02-16T10:00:00Z");
  // L7 recycled with a reason in February.
  const l7 = await r.contact({ name: "L7 Seven", stage: "recycled" });
  await r.transition(l7, "sal", "recycled", "2026-02-01T10:00:00Z", "no_response");
  // Deals: D1 won in January with a reason, its CTO and IT Manager took a call and a meeting; D2 lost to Stackline with a
  // reason, D3 lost with neither (February). Closed loop: leads 2 of 3 (L2, L7; not L5), deals 2 of 3 → 4/6.
  const acc = await r.account();
  const cto = await r.contact({ accountId: acc, persona: "CTO" });
  const itm = await r.contact({ accountId: acc, persona: "IT Manager" });
  const d1 = await r.deal({ accountId: acc, name: "D1", amount: 1_000, createdAt: "2026-01-01T00:00:00Z", closedAt: "2026-01-15T00:00:00Z", outcome: "won", reasonCode: "fit" });
  await r.dealContact(d1, cto, "decision_maker");
  await r.dealContact(d1, itm, "champion");
  await r.touch(cto, "call", "2026-01-10T10:00:00Z");
  await r.touch(itm, "meeting", "2026-01-12T10:00:00Z");
  await r.deal({ accountId: acc, name: "D2", amount: 1_000, createdAt: "2026-01-01T00:00:00Z", closedAt: "2026-02-10T00:00:00Z", outcome: "lost", reasonCode: "competitor", competitor: "Stackline" });
  await r.deal({ accountId: acc, name: "D3", amount: 1_000, createdAt: "2026-01-01T00:00:00Z", closedAt: "2026-02-20T00:00:00Z", outcome: "lost" });
  // Persona: all spend targets CTOs (1,000 in January, 500 in February); D1's buyers are ½ CTO, ½ IT Manager → TVD .5 → 50.
  const c = await r.campaign({ personas: ["CTO"] });
  await r.cost(c, "2026-01-10", 1_000);
  await r.cost(c, "2026-02-01", 500);
  // Definition currency: both sides approved version 3, the earlier on 4 June 2025 — 270 days before the period's end
  // (1 March 2026) → 100 × (365 − 270) ÷ (365 − 180).
  await r.exec(
    `insert into lead_definitions (workspace_id, id, version, status, fit_rules, grade_thresholds, engagement_rules, half_life_days, mql_rule, created_by,
       marketing_approved_by, marketing_approved_at, sales_approved_by, sales_approved_at, activated_at, created_at, updated_at)
     values ($1, $2, 3, 'active', '[]', '{}', '[]', 30, '{}', $3, $3, '2025-06-04T00:00:00Z', $4, '2025-07-01T00:00:00Z', '2025-07-01T00:00:00Z', '2025-06-01T00:00:00Z', '2025-07-01T00:00:00Z')`,
    [ws.workspaceId, randomUUID(), ws.users.marketing.userId, ws.users.sales.userId],
  );
});

describe("alignment health report", () => {
  it("shows the index with each part, worked out by hand", async () => {
    const res = await h.as(ws.users.manager).get(`/api/v1/reports/alignment-health?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const x = json<AlignmentHealth>(res);
    const part = (k: string) => x.parts.find((p) => p.key === k)!;
    expect([part("sales_sla").score, part("sales_sla").raw]).toEqual([75, 0.75]);
    expect(part("marketing_sla").score).toBe(50);
    expect([part("acceptance").score, part("acceptance").detail]).toEqual([60, "3 accepted ÷ (3 accepted + 2 rejected) MQLs handed over in the period (1 pending)."]);
    expect(part("closed_loop").score).toBeCloseTo(200 / 3, 10);
    expect([part("persona_alignment").score, part("persona_alignment").raw]).toEqual([50, 0.5]);
    expect(part("definition_currency").raw).toBe(270);
    expect(part("definition_currency").score).toBeCloseTo((100 * 95) / 185, 10);
    // Content use and campaign readiness are not measured: the index is the mean of the six measured parts.
    expect(x.parts.filter((p) => p.score === null).map((p) => [p.key, p.weight, p.notMeasuredReason?.includes("issue 7")])).toEqual([["content_use", 0, true], ["campaign_readiness", 0, true]]);
    expect(x.measuredParts).toBe(6);
    expect(part("acceptance").weight).toBeCloseTo(1 / 6, 12);
    expect(x.index).toBeCloseTo((75 + 50 + 60 + 200 / 3 + 50 + (100 * 95) / 185) / 6, 10);
  });

  it("shows the four symptoms per month", async () => {
    const x = json<AlignmentHealth>(await h.as(ws.users.manager).get(`/api/v1/reports/alignment-health?${Q}`));
    // January: D1 won with 2 sales activities; 1 accepted, 1 rejected; cost 1,000 over 1 SQL (L1); MQLs L1, L2, L1 won.
    // February: D2 (Stackline) and D3 lost → 1/2; 2 accepted, 1 rejected; 500 over 2 SQLs (L3, L6); 4 MQLs, none won.
    expect(x.symptoms).toEqual([
      { month: "2026-01", wonDeals: 1, salesActivities: 2, activitiesPerWonDeal: 2, lostDeals: 0, lostToCompetitors: 0, competitorLossShare: null, accepted: 1, rejected: 1, rejectionRate: 0.5, cost: 1_000, sqls: 1, costPerSql: 1_000, mqls: 2, mqlsWon: 1, mqlToWon: 0.5 },
      { month: "2026-02", wonDeals: 0, salesActivities: 0, activitiesPerWonDeal: null, lostDeals: 2, lostToCompetitors: 1, competitorLossShare: 0.5, accepted: 2, rejected: 1, rejectionRate: 1 / 3, cost: 500, sqls: 2, costPerSql: 250, mqls: 4, mqlsWon: 0, mqlToWon: 0 },
    ]);
  });

  it("drills down to the leads and deals behind acceptance, closed loop and competitor losses", async () => {
    const get = async (q: string) => json<AlignmentHealthRecords>(await h.as(ws.users.sdr).get(`/api/v1/reports/alignment-health/records?${Q}&${q}`));
    expect((await get("part=acceptance&decision=rejected")).items.map((i) => [i.name, i.status, i.reasonCode])).toEqual([["L2 Two", "rejected", "student"], ["L5 Five", "rejected", null]]);
    expect(await get("part=acceptance&decision=rejected&offset=2&limit=2")).toMatchObject({ items: [], total: 2 });
    expect(await get("part=closed_loop&reasonRecorded=false&offset=10")).toMatchObject({ items: [], total: 2 });
    expect((await get("part=acceptance&decision=pending")).items.map((i) => i.name)).toEqual(["L4 Four"]);
    expect((await get("part=closed_loop&reasonRecorded=false")).items.map((i) => [i.kind, i.name, i.status])).toEqual([["lead", "L5 Five", "rejected"], ["deal", "D3", "lost"]]);
    expect((await get("part=competitor_losses")).items.map((i) => [i.name, i.competitor])).toEqual([["D2", "Stackline"]]);
  });
});
