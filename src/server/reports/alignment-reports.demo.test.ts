import { beforeAll, describe, expect, it } from "vitest";
import { json, useHarness } from "../../../test/harness.js";
import { createDemoWorkspace, type DemoResult } from "../demo/index.js";
import type { Kpis } from "../../shared/contracts/reports/kpis.js";
import type { SlaAttainment } from "../../shared/contracts/reports/sla-attainment.js";
import type { PersonaDrift } from "../../shared/contracts/reports/persona-drift.js";
import type { DecisionMakerCoverage } from "../../shared/contracts/reports/decision-maker-coverage.js";
import type { RevenueByChannel } from "../../shared/contracts/reports/revenue-by-channel.js";
import type { AlignmentHealth } from "../../shared/contracts/reports/alignment-health.js";

// The demo's story (src/server/demo/story.ts) seen through the revenue and alignment reports.
const NOW = "2026-03-02T09:00:00Z";
const h = useHarness({ now: NOW });
let demo: DemoResult;
let token: string;

beforeAll(async () => {
  const deps = { ownerDb: h.tdb.ownerDb, workspaces: h.modules.identity.workspaces, sla: h.modules.sla, handoffs: h.modules.routing.handoffs, attribution: h.modules.attribution.attribution };
  demo = await createDemoWorkspace(deps, { seed: 7, contacts: 3000, password: "demo-password-1", now: new Date(NOW), slug: "demo-align" });
  const admin = await h.tdb.ownerDb.pool.query("select user_id from memberships where workspace_id = $1 and role = 'admin'", [demo.workspaceId]);
  const ctx = { workspaceId: demo.workspaceId, sessionId: null, requestId: "t", actor: { kind: "user" as const, userId: admin.rows[0].user_id as string, name: "t", role: "admin" as const, tokenId: null, scopes: ["read"] as const } };
  token = (await h.modules.identity.tokens.createToken(ctx, { name: "reports", scopes: ["read"] })).token;
}, 240_000);

async function report<T>(name: string, q = ""): Promise<T> {
  const res = await h.as({ token }).get(`/api/v1/reports/${name}${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return json<T>(res);
}

describe("the demo through the revenue and alignment reports (default period: the last twelve months)", () => {
  it("KPIs: wins with sales activity, expansion and renewal revenue; forecasts that missed", async () => {
    const k = await report<Kpis>("kpis");
    expect(k.overall.won).toBeGreaterThan(20);
    expect(k.overall.activitiesPerWonDeal).toBeGreaterThan(1);
    expect(k.overall.expansionRevenue).toBeGreaterThan(0);
    expect(k.overall.renewalRevenue).toBeGreaterThan(0);
    expect(k.byRep.length).toBe(4);
    // Closed deals keep the weighted forecast made at proposal, and some slipped: every settled month of the period
    // (eleven; the current one has not ended) is measured, and the forecast missed, but not wholly.
    expect(k.forecast).toHaveLength(11);
    expect(k.overall.forecastAccuracy).toBeGreaterThan(0.3);
    expect(k.overall.forecastAccuracy).toBeLessThan(0.95);
  });

  it("SLA attainment: AE West breaches its accept promise while AE East keeps it; marketing met some months", async () => {
    const s = await report<SlaAttainment>("sla-attainment");
    const accept = (team: string) => s.sales.byTeam.find((t) => t.kind === "accept" && t.teamName === team)!.attainment!;
    expect(accept("AE West")).toBeLessThan(0.2);
    expect(accept("AE East")).toBeGreaterThan(0.7);
    expect(s.marketing.evaluated).toBeGreaterThan(0);
  });

  it("persona drift: marketing targets IT Managers, VP Engineering buys", async () => {
    const p = await report<PersonaDrift>("persona-drift");
    expect(p.mixes.targeted.personas[0]!.persona).toBe("IT Manager");
    expect(p.mixes.buyers.personas[0]!.persona).toBe("VP Engineering");
    const itm = p.sideBySide.find((x) => x.persona === "IT Manager")!;
    expect(itm.targeted).toBeGreaterThan(3 * itm.buyers);
    expect(p.distances.targetedVsBuyers).toBeGreaterThan(0.3);
    expect(p.distances.targetedVsEngaged).toBeLessThan(p.distances.targetedVsBuyers!);
  });

  it("decision-maker coverage: covered deals win more often", async () => {
    const d = await report<DecisionMakerCoverage>("decision-maker-coverage");
    expect(d.overall.deals).toBeGreaterThan(0);
    expect(d.winRate.covered!).toBeGreaterThan(d.winRate.uncovered!);
  });

  it("revenue by channel: partner deals appear; renewals and expansions carry no sourcing channel", async () => {
    const c = await report<RevenueByChannel>("revenue-by-channel");
    expect(c.partner.revenue).toBeGreaterThan(0);
    expect(c.channels[0]!.channel).toBe("unattributed");
    expect(c.channels.reduce((s, x) => s + x.revenue, 0)).toBe(c.total.revenue);
  });

  it("alignment health: the index over six measured parts, a stale definition, reasons always recorded", async () => {
    const a = await report<AlignmentHealth>("alignment-health");
    const part = (key: string) => a.parts.find((p) => p.key === key)!;
    expect(a.measuredParts).toBe(6);
    expect(a.index!).toBeGreaterThan(20);
    expect(a.index!).toBeLessThan(80);
    expect(part("definition_currency").score).toBe(0);
    expect(part("closed_loop").score).toBe(100);
    expect(a.symptoms).toHaveLength(12);
    expect(a.symptoms.filter((m) => m.costPerSql !== null).length).toBeGreaterThan(10);
  });
});
