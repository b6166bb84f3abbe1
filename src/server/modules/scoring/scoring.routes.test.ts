import { describe, expect, it } from "vitest";
import type { DefinitionBody } from "../../../shared/contracts/agreement.js";
import { json, useHarness, type Harness, type TestWorkspace } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const t0 = Date.parse(NOW);

const DEFINITION: DefinitionBody = {
  fitRules: [
    { id: "big", label: "200+ employees", conditions: [{ field: "account.employees", op: "gte", value: 200 }], points: 20 },
    { id: "vp", label: "VP or C-level", conditions: [{ field: "contact.seniority", op: "in", value: ["vp", "c_level"] }], points: 25 },
  ],
  gradeThresholds: { A: 40, B: 20, C: 10 },
  engagementRules: [
    { id: "form", label: "Form", match: { types: ["form_submit"] }, points: 30 },
    { id: "view", label: "Page view", match: { types: ["page_view"] }, points: 5, cap: { count: 2, windowDays: 1 } },
  ],
  halfLifeDays: 10,
  mqlRule: { grades: ["A"], engagementThreshold: 50 },
};

async function activate(hh: Harness, ws: TestWorkspace, body: DefinitionBody) {
  const d = json<{ id: string }>(await hh.as(ws.users.marketing).post("/api/v1/lead-definitions", { definition: body }));
  await hh.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/propose`);
  await hh.as(ws.users.marketing).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "marketing" });
  const active = json<{ status: string; version: number }>(await hh.as(ws.users.sales).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "sales" }));
  expect(active.status).toBe("active");
  return active.version;
}

const at = (ms: number) => new Date(ms).toISOString();
const f = (dt: number) => Math.pow(2, -dt / (10 * DAY));

describe("scoring", () => {
  it("grades fit on create, accumulates decaying engagement with caps, and moves the lead to MQL with an explanation", async () => {
    const ws = await h.workspace();
    const version = await activate(h, ws, DEFINITION);
    const admin = h.as(ws.users.admin);
    const acct = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Umbrella", employees: 500 }));
    const c = json<{ id: string; fitPoints: number; fitGrade: string; definitionVersion: number }>(await admin.post("/api/v1/contacts", { email: "vp@umbrella.example", seniority: "vp", accountId: acct.id }));
    expect(c).toMatchObject({ fitPoints: 45, fitGrade: "A", definitionVersion: version });

    const touch = (type: string, ms: number) => admin.post("/api/v1/touchpoints", { contactId: c.id, type, occurredAt: at(ms) });
    await touch("form_submit", t0 - 10 * DAY);
    await touch("page_view", t0 - HOUR);
    await touch("page_view", t0 - 30 * 60_000);
    await touch("page_view", t0 - 10 * 60_000); // third view within a day: capped, scores nothing
    // E(now) = 30·2^(−10d/10d) + 5·2^(−1h/10d) + 5·2^(−30min/10d)
    const expected = 30 * f(10 * DAY) + 5 * f(HOUR) + 5 * f(30 * 60_000);
    const before = json<{ engagement: number; meetsMqlRule: boolean; history: { ruleId: string }[] }>(await admin.get(`/api/v1/contacts/${c.id}/score`));
    expect(before.engagement).toBeCloseTo(expected, 9);
    expect(before.meetsMqlRule).toBe(false);
    expect(before.history.map((e) => e.ruleId)).toEqual(["view", "view", "form"]);
    expect(json<{ stage: string }>(await admin.get(`/api/v1/contacts/${c.id}`)).stage).toBe("lead");

    await touch("form_submit", t0); // ≈ 25.0 + 30 ≥ 50
    const after = json<{ stage: string; mqlAt: string; definitionVersion: number }>(await admin.get(`/api/v1/contacts/${c.id}`));
    expect(after.stage).toBe("mql");
    expect(after.mqlAt).toBe(NOW);
    const timeline = json<{ items: { kind: string; toStage?: string; actorKind?: string; definitionVersion?: number; note?: string }[] }>(await admin.get(`/api/v1/contacts/${c.id}/timeline`));
    const move = timeline.items.find((i) => i.kind === "stage_change" && i.toStage === "mql")!;
    expect(move).toMatchObject({ actorKind: "automation", definitionVersion: version });
    expect(move.note).toContain(`v${version}: grade A`);
    expect(move.note).toContain('after "Form"');
  });

  it("recomputes fit when the account changes, and a full re-score matches incremental scoring", async () => {
    const ws = await h.workspace();
    await activate(h, ws, DEFINITION);
    const admin = h.as(ws.users.admin);
    const acct = json<{ id: string }>(await admin.post("/api/v1/accounts", { name: "Small Co", employees: 50 }));
    const c = json<{ id: string; fitGrade: string }>(await admin.post("/api/v1/contacts", { email: "vp@small.example", seniority: "vp", accountId: acct.id }));
    expect(c.fitGrade).toBe("B");
    await admin.patch(`/api/v1/accounts/${acct.id}`, { employees: 250 });
    expect(json<{ fitGrade: string; fitPoints: number }>(await admin.get(`/api/v1/contacts/${c.id}`))).toMatchObject({ fitGrade: "A", fitPoints: 45 });

    // Touches arriving out of order, one of them late.
    for (const [type, ms] of [["page_view", t0 - 3 * DAY], ["form_submit", t0 - 2 * DAY], ["page_view", t0 - 5 * DAY], ["page_view", t0 - 3 * DAY + HOUR]] as const) {
      await admin.post("/api/v1/touchpoints", { contactId: c.id, type, occurredAt: at(ms) });
    }
    const incremental = await h.tdb.ownerDb.pool.query("select engagement_score, engagement_at, fit_points from contacts where id = $1", [c.id]);
    await h.modules.scoring.scoring.rescoreWorkspace(ws.workspaceId);
    const rescored = await h.tdb.ownerDb.pool.query("select engagement_score, engagement_at, fit_points from contacts where id = $1", [c.id]);
    expect(rescored.rows[0].engagement_at).toEqual(incremental.rows[0].engagement_at);
    expect(rescored.rows[0].engagement_score).toBeCloseTo(incremental.rows[0].engagement_score, 9);
    expect(rescored.rows[0].fit_points).toBe(45);
  });

  it("explains a contact's score even before any agreement is active", async () => {
    const ws = await h.workspace();
    const admin = h.as(ws.users.admin);
    const c = json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "nobody@example.com" }));
    const score = json(await admin.get(`/api/v1/contacts/${c.id}/score`));
    expect(score).toMatchObject({ definitionVersion: null, fitGrade: null, engagement: 0, meetsMqlRule: false, history: [] });
  });
});
