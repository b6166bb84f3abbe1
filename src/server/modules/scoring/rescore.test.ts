import { describe, expect, it } from "vitest";
import type { DefinitionBody } from "../../../shared/contracts/agreement.js";
import { json, useHarness } from "../../../../test/harness.js";

const NOW = "2026-03-02T09:00:00.000Z";
const h = useHarness({ now: NOW });
const DAY = 86_400_000;
const at = (daysAgo: number) => new Date(Date.parse(NOW) - daysAgo * DAY).toISOString();

// Every operator, text and numeric fields, negative points, and engagement rules without caps (the set-based path).
const DEFINITION: DefinitionBody = {
  fitRules: [
    { id: "vp", label: "VP or C-level", conditions: [{ field: "contact.seniority", op: "in", value: ["VP", "c_level"] }], points: 25 },
    { id: "not-student", label: "Not a student", conditions: [{ field: "contact.title", op: "not_in", value: ["student", "intern"] }], points: 5 },
    { id: "eng", label: "Engineering title", conditions: [{ field: "contact.title", op: "contains", value: "Engineer" }], points: 10 },
    { id: "free", label: "Free mail", conditions: [{ field: "contact.email_domain", op: "eq", value: "gmail.com" }], points: -40 },
    { id: "big", label: "200+ employees", conditions: [{ field: "account.employees", op: "gte", value: 200 }, { field: "account.employees", op: "lt", value: 5000 }], points: 20 },
    { id: "rev", label: "Revenue above 1M", conditions: [{ field: "account.annual_revenue", op: "gt", value: 1_000_000 }], points: 5 },
    { id: "exact", label: "Exactly 50 people", conditions: [{ field: "account.employees", op: "eq", value: 50 }], points: 3 },
    { id: "no-industry", label: "Industry unknown", conditions: [{ field: "account.industry", op: "not_exists" }], points: -5 },
    { id: "not-retail", label: "Not retail", conditions: [{ field: "account.industry", op: "neq", value: "Retail" }], points: 2 },
    { id: "country", label: "Has a country", conditions: [{ field: "contact.country", op: "exists" }], points: 1 },
    { id: "small", label: "Small", conditions: [{ field: "account.employees", op: "lte", value: 50 }], points: 1 },
  ],
  gradeThresholds: { A: 40, B: 20, C: 5 },
  engagementRules: [
    { id: "form", label: "Form", match: { types: ["form_submit"] }, points: 30 },
    { id: "web-view", label: "Web page view", match: { types: ["page_view"], channels: ["direct"] }, points: 4 },
    { id: "view", label: "Other page view", match: { types: ["page_view"] }, points: 2 },
    { id: "unsub", label: "Unsubscribe", match: { types: ["email_click"], properties: { link: "unsubscribe" } }, points: -10 },
  ],
  halfLifeDays: 14,
  mqlRule: { grades: ["A"], engagementThreshold: 1000 },
};

describe("full re-score in the database", () => {
  it("gives exactly the fit, grade, engagement and points history that incremental scoring gave", async () => {
    const ws = await h.workspace();
    const marketing = h.as(ws.users.marketing);
    const d = json<{ id: string }>(await marketing.post("/api/v1/lead-definitions", { definition: DEFINITION }));
    await marketing.post(`/api/v1/lead-definitions/${d.id}/propose`);
    await marketing.post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "marketing" });
    await h.as(ws.users.sales).post(`/api/v1/lead-definitions/${d.id}/approve`, { side: "sales" });
    await h.modules.jobs.jobs.drain(ws.workspaceId);

    const admin = h.as(ws.users.admin);
    const accounts = [
      { name: "Big", employees: 800, annualRevenue: 5_000_000, industry: "Software" },
      { name: "Tiny", employees: 50, industry: "  retail " },
      { name: "Unknown" },
    ];
    const ids: string[] = [];
    let n = 0;
    for (const a of accounts) {
      const acct = json<{ id: string }>(await admin.post("/api/v1/accounts", a));
      for (const person of [{ seniority: "vp", title: "VP Engineering", country: "DE" }, { seniority: "student", title: "Student" }, { title: "Site Reliability Engineer", country: " " }]) {
        const res = await admin.post("/api/v1/contacts", { email: `p${n++}@x${n}.example`, accountId: acct.id, ...person });
        expect(res.statusCode, res.body).toBe(201);
        const c = json<{ id: string }>(res);
        ids.push(c.id);
      }
    }
    ids.push(json<{ id: string }>(await admin.post("/api/v1/contacts", { email: "free@gmail.com", seniority: "c_level" })).id);
    const touches: [string, number, Record<string, unknown>][] = [["form_submit", 20, {}], ["page_view", 3, { channel: "direct" }], ["page_view", 2, { channel: "email" }], ["email_click", 1, { properties: { link: "unsubscribe" } }], ["page_view", 9, {}], ["email_open", 1, {}]];
    for (const [i, id] of ids.entries()) {
      // Out of order on purpose: the late touches exercise the incremental late-event branch.
      for (const [type, daysAgo, extra] of touches.slice(i % 3)) await admin.post("/api/v1/touchpoints", { contactId: id, type, occurredAt: at(daysAgo + i), ...extra });
    }

    const snapshot = async () =>
      (await h.tdb.ownerDb.pool.query("select id, fit_points, fit_grade, engagement_score, engagement_at from contacts where workspace_id = $1 order by id", [ws.workspaceId])).rows;
    const history = async () =>
      (await h.tdb.ownerDb.pool.query("select contact_id, touchpoint_id, rule_id, points from score_events where workspace_id = $1 and kind = 'engagement' order by contact_id, touchpoint_id", [ws.workspaceId])).rows;
    const incremental = await snapshot();
    const incrementalHistory = await history();
    expect(incremental.map((r) => r.fit_grade)).toContain("A");
    expect(incrementalHistory.length).toBeGreaterThan(20);

    const result = await h.modules.scoring.scoring.rescoreWorkspace(ws.workspaceId);
    expect(result).toEqual({ contacts: ids.length, events: incrementalHistory.length, qualified: 0 });
    const rescored = await snapshot();
    expect(rescored.map((r) => [r.fit_points, r.fit_grade])).toEqual(incremental.map((r) => [r.fit_points, r.fit_grade]));
    rescored.forEach((r, i) => {
      expect(r.engagement_at).toEqual(incremental[i].engagement_at);
      expect(r.engagement_score).toBeCloseTo(incremental[i].engagement_score, 9);
    });
    // The explanation's history replays each contact's touches under the version in force: the same rules fired
    // on the same touches as incremental scoring recorded.
    for (const id of ids) {
      const explained = json<{ history: { touchpointId: string; ruleId: string; points: number }[] }>(await admin.get(`/api/v1/contacts/${id}/score`));
      const recorded = incrementalHistory.filter((e) => e.contact_id === id).map((e) => [e.touchpoint_id, e.rule_id, e.points]);
      expect(explained.history.map((e) => [e.touchpointId, e.ruleId, e.points]).sort(), id).toEqual(recorded.sort());
    }
    const idsOk = await h.tdb.ownerDb.pool.query("select count(*)::int n from score_events where workspace_id = $1 and id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab]'", [ws.workspaceId]);
    expect(idsOk.rows[0].n).toBe(0);
  });
});
