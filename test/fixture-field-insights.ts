import type { Harness, TestWorkspace } from "./harness.js";

/** What the route sweep needs of field insights and ride-alongs. */
export type FieldInsightsFixture = {
  /** A new objection the sales user submitted on the fixture's deal, persona and competitor. */
  insightId: string;
  /** A ride-along of the marketing user with the sales user on the fixture's deal, its notes one insight. */
  rideAlongId: string;
};

/** Creates a field insight (on the workspace's first persona and competitor) and a ride-along through the API. */
export async function createFieldInsightsFixture(h: Harness, ws: TestWorkspace, base: { dealId: string }): Promise<FieldInsightsFixture> {
  const ok = async (p: Promise<{ statusCode: number; body: string }>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`field insights fixture step failed: ${res.statusCode} ${res.body}`);
    return JSON.parse(res.body || "{}") as { id: string; [k: string]: unknown };
  };
  const sales = h.as(ws.users.sales);
  const persona = ((await ok(sales.get("/api/v1/personas"))).items as { id: string }[])[0]!;
  const competitor = ((await ok(sales.get("/api/v1/competitors"))).items as { id: string }[])[0]!;
  const insight = await ok(sales.post("/api/v1/insights", { kind: "objection", text: "Too expensive for one team", dealId: base.dealId, personaId: persona.id, competitorId: competitor.id }));
  const ride = await ok(
    h.as(ws.users.marketing).post("/api/v1/ride-alongs", {
      occurredOn: "2026-02-20",
      repIds: [ws.users.sales.userId],
      dealId: base.dealId,
      notes: "Discovery call; the CFO asked about payback.",
      insights: [{ kind: "decision_criterion", text: "Payback within a year" }],
    }),
  );
  return { insightId: insight.id, rideAlongId: ride.id };
}
