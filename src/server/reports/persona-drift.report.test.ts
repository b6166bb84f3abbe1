import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness, type TestWorkspace } from "../../../test/harness.js";
import { alignmentRows } from "../../../test/alignment-rows.js";
import type { PersonaDrift, PersonaDriftRecords } from "../../shared/contracts/reports/persona-drift.js";

// Monday 2 March 2026, workspace in UTC; the period is January and February 2026.
const h = useHarness({ now: "2026-03-02T09:00:00Z" });
const Q = "from=2026-01-01&to=2026-02-28";
let ws: TestWorkspace;
let c1: string;

beforeAll(async () => {
  ws = await h.workspace("Drift");
  const r = alignmentRows(h, ws);
  // Targeted: C1 (IT Manager) spends 300 + 300 in the period (and 1,000 in December, outside); C2 (IT Manager, CTO) 400
  // → 200 each; C3 targets nobody (100, untargeted). IT Manager 800, CTO 200 → .8 / .2.
  c1 = await r.campaign({ name: "C1", channel: "paid_social", personas: ["IT Manager"] });
  const c2 = await r.campaign({ name: "C2", channel: "content", personas: ["IT Manager", "CTO"] });
  const c3 = await r.campaign({ name: "C3" });
  await r.cost(c1, "2026-01-10", 300);
  await r.cost(c1, "2026-02-05", 300);
  await r.cost(c1, "2025-12-31", 1_000);
  await r.cost(c2, "2026-02-01", 400);
  await r.cost(c3, "2026-01-20", 100);
  // Engaged: MQLs in the period — IT Manager 2, CTO 1, Developer 1, one without a persona (left out) → .5 / .25 / .25.
  for (const persona of ["IT Manager", "IT Manager", "CTO", "Developer", null]) await r.contact({ persona, mqlAt: "2026-01-15T00:00:00Z", stage: "mql" });
  await r.contact({ persona: "CFO", mqlAt: "2025-12-15T00:00:00Z", stage: "mql" }); // before the period
  // Buyers: W1 (won Jan) has a CTO decision maker and an IT Manager champion → ½ each; W2 (won Feb) has no deal
  // contacts, so its primary contact (a CTO) takes the whole deal; W3 lost, W4 won in March. CTO 1.5, IT Manager .5 → .75 / .25.
  const acc = await r.account();
  const cto = await r.contact({ accountId: acc, persona: "CTO", name: "Casey Cto" });
  const itm = await r.contact({ accountId: acc, persona: "IT Manager" });
  const cto2 = await r.contact({ accountId: acc, persona: "CTO", name: "Robin Cto" });
  const w1 = await r.deal({ accountId: acc, amount: 1_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-01-20T00:00:00Z", outcome: "won", name: "W1" });
  await r.dealContact(w1, cto, "decision_maker");
  await r.dealContact(w1, itm, "champion");
  await r.deal({ accountId: acc, primaryContactId: cto2, amount: 1_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-02-20T00:00:00Z", outcome: "won", name: "W2" });
  const w3 = await r.deal({ accountId: acc, amount: 1_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-02-20T00:00:00Z", outcome: "lost" });
  await r.dealContact(w3, itm, "champion");
  const w4 = await r.deal({ accountId: acc, amount: 1_000, createdAt: "2025-12-01T00:00:00Z", closedAt: "2026-03-01T00:00:00Z", outcome: "won" });
  await r.dealContact(w4, itm, "champion");
});

describe("persona drift report", () => {
  it("shows the three mixes and their distances, worked out by hand", async () => {
    const res = await h.as(ws.users.sales).get(`/api/v1/reports/persona-drift?${Q}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = json<PersonaDrift>(res);
    expect(d.mixes.targeted).toEqual({ total: 1_000, unknown: 100, personas: [{ persona: "IT Manager", weight: 800, share: 0.8 }, { persona: "CTO", weight: 200, share: 0.2 }] });
    expect(d.mixes.engaged).toEqual({ total: 4, unknown: 1, personas: [{ persona: "IT Manager", weight: 2, share: 0.5 }, { persona: "CTO", weight: 1, share: 0.25 }, { persona: "Developer", weight: 1, share: 0.25 }] });
    expect(d.mixes.buyers).toEqual({ total: 2, unknown: 0, personas: [{ persona: "CTO", weight: 1.5, share: 0.75 }, { persona: "IT Manager", weight: 0.5, share: 0.25 }] });
    // targeted vs engaged: (.3 + .05 + .25)/2 = .3; engaged vs buyers: (.25 + .5 + .25)/2 = .5; targeted vs buyers: (.55 + .55)/2 = .55.
    expect(d.distances.targetedVsEngaged).toBeCloseTo(0.3, 12);
    expect(d.distances.engagedVsBuyers).toBeCloseTo(0.5, 12);
    expect(d.distances.targetedVsBuyers).toBeCloseTo(0.55, 12);
    expect(d.sideBySide.map((x) => [x.persona, x.targeted, x.engaged, x.buyers])).toEqual([
      ["CTO", 0.2, 0.25, 0.75], ["IT Manager", 0.8, 0.5, 0.25], ["Developer", 0, 0.25, 0],
    ]);
  });

  it("narrows the targeted mix to one campaign (its channel)", async () => {
    const d = json<PersonaDrift>(await h.as(ws.users.sales).get(`/api/v1/reports/persona-drift?${Q}&channel=paid_social`));
    expect(d.mixes.targeted).toEqual({ total: 600, unknown: 0, personas: [{ persona: "IT Manager", weight: 600, share: 1 }] });
  });

  it("drills down to the campaigns and contacts of a persona in a mix", async () => {
    const buyers = json<PersonaDriftRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/persona-drift/records?${Q}&mix=buyers&persona=CTO`));
    expect(buyers.items.map((i) => (i.kind === "contact" ? [i.name, i.dealName, i.role, i.weight] : null))).toEqual([["Casey Cto", "W1", "decision_maker", 0.5], ["Robin Cto", "W2", null, 1]]);
    const past = json<PersonaDriftRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/persona-drift/records?${Q}&mix=buyers&persona=CTO&offset=2`));
    expect([past.total, past.items]).toEqual([2, []]);
    const targeted = json<PersonaDriftRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/persona-drift/records?${Q}&mix=targeted&persona=IT%20Manager`));
    const targetedPast = json<PersonaDriftRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/persona-drift/records?${Q}&mix=targeted&persona=IT%20Manager&offset=4`));
    expect([targetedPast.total, targetedPast.items]).toEqual([2, []]);
    expect(targeted.items.map((i) => (i.kind === "campaign" ? [i.id === c1, i.cost, i.weight] : null))).toEqual([[true, 600, 600], [false, 400, 200]]);
    const unknown = json<PersonaDriftRecords>(await h.as(ws.users.marketing).get(`/api/v1/reports/persona-drift/records?${Q}&mix=engaged&persona=unknown`));
    expect([unknown.total, unknown.items[0]?.kind === "contact" && unknown.items[0].persona]).toEqual([1, null]);
  });

  it("uses the defined personas as its categories once there are definitions", async () => {
    // Defined: CTO, "it manager" (another case) and CFO. Developer names no definition → unknown; CFO shows with zeros.
    const mkt = h.as(ws.users.marketing);
    const criteria = { departments: ["x"] };
    for (const name of ["CTO", "it manager", "CFO"]) expect((await mkt.post("/api/v1/personas", { name, criteria })).statusCode).toBe(201);
    const d = json<PersonaDrift>(await h.as(ws.users.sales).get(`/api/v1/reports/persona-drift?${Q}`));
    expect(d.mixes.targeted).toEqual({ total: 1_000, unknown: 100, personas: [{ persona: "it manager", weight: 800, share: 0.8 }, { persona: "CTO", weight: 200, share: 0.2 }] });
    // Engaged: it manager 2, CTO 1; unknown = the MQL without a persona + the Developer = 2 → 2/3, 1/3.
    expect(d.mixes.engaged).toMatchObject({ total: 3, unknown: 2 });
    expect(d.mixes.engaged.personas.map((p) => [p.persona, p.weight])).toEqual([["it manager", 2], ["CTO", 1]]);
    // targeted vs engaged: (|.8 − 2/3| + |.2 − 1/3|)/2 = 2/15; engaged vs buyers: (|2/3 − .25| + |1/3 − .75|)/2 = 5/12;
    // targeted vs buyers: (.55 + .55)/2 = .55.
    expect(d.distances.targetedVsEngaged).toBeCloseTo(2 / 15, 12);
    expect(d.distances.engagedVsBuyers).toBeCloseTo(5 / 12, 12);
    expect(d.distances.targetedVsBuyers).toBeCloseTo(0.55, 12);
    expect(d.sideBySide.map((x) => x.persona)).toEqual(["CTO", "it manager", "CFO"]);
    expect(d.sideBySide[2]).toEqual({ persona: "CFO", targeted: 0, engaged: 0, buyers: 0 });
    const unknown = json<PersonaDriftRecords>(await mkt.get(`/api/v1/reports/persona-drift/records?${Q}&mix=engaged&persona=unknown`));
    expect(unknown.total).toBe(2);
    const targeted = json<PersonaDriftRecords>(await mkt.get(`/api/v1/reports/persona-drift/records?${Q}&mix=targeted&persona=it%20manager`));
    expect(targeted.items.map((i) => (i.kind === "campaign" ? i.cost : null))).toEqual([600, 400]);
  });
});
